package io.neckbeard.config;

import io.neckbeard.config.read.ConfigFile;
import io.neckbeard.config.read.ConfigReader;
import io.neckbeard.config.read.EnvDefinition;
import io.neckbeard.config.read.EnvironmentReader;
import io.neckbeard.config.validate.Problems;
import io.neckbeard.config.yaml.YamlFile;
import io.neckbeard.config.yaml.YamlReader;
import io.neckbeard.core.ExitCode;
import io.neckbeard.core.Names;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.EnvironmentSpec;
import io.neckbeard.model.Problem;
import io.neckbeard.model.Project;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.provider.ResourceProviderFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads, merges and validates a project's configuration. */
public final class ConfigLoader {
    private final Plugins plugins;
    private final boolean provisionerChecks;
    private final boolean slugChecks;

    /** A loader that checks everything, the provisioner's settings and files included (plan, up). */
    public ConfigLoader(Plugins plugins) {
        this(plugins, true, false);
    }

    private ConfigLoader(Plugins plugins, boolean provisionerChecks, boolean slugChecks) {
        this.plugins = plugins;
        this.provisionerChecks = provisionerChecks;
        this.slugChecks = slugChecks;
    }

    /**
     * The loader of {@code neckbeard check}: everything, and the packager's view of the project
     * files too (a slug without a Procfile), reported at the packager's settings, after every
     * other problem. {@code up} finds those when it packs.
     */
    public static ConfigLoader forCheck(Plugins plugins) {
        return new ConfigLoader(plugins, true, true);
    }

    /**
     * A loader for commands that never provision a node (status, promote, rollback, terminate,
     * run, ssh, the coordinator commands): the provisioner's settings and the files they name are
     * not checked, so a provisioning script missing from the checkout does not stand between an
     * operator and a rollback.
     */
    public static ConfigLoader withoutProvisionerChecks(Plugins plugins) {
        return new ConfigLoader(plugins, false, false);
    }

    /**
     * The project a command run in {@code start} means, found as git finds its repository: the
     * nearest of {@code start} and the directories above it holding {@code neckbeard/config.yml};
     * {@code start} itself when none does (loading then says what is missing where).
     */
    public static Path findProjectRoot(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("neckbeard").resolve("config.yml"))) {
                return dir;
            }
        }
        return absolute;
    }

    /**
     * Loads {@code <root>/neckbeard/config.yml} and the named environments (every
     * {@code neckbeard/envs/*.yml} when {@code environments} is empty), validating all of it.
     *
     * @throws ConfigException with every problem found
     * @throws NeckbeardException (exit 2) when there is no config.yml or a named environment does not exist
     */
    public Project load(Path root, List<String> environments) {
        Path dir = root.resolve("neckbeard");
        Path configPath = dir.resolve("config.yml");
        if (!Files.exists(configPath)) {
            throw new NeckbeardException(ExitCode.USAGE, "no neckbeard/config.yml in " + root,
                    "run 'neckbeard init' to create one, or point -C/--project at your project directory");
        }
        List<String> envNames = environmentFiles(dir.resolve("envs"));
        for (String name : environments) {
            if (!envNames.contains(name)) {
                throw LoadedProject.unknownEnvironment(name, envNames);
            }
        }
        Problems problems = new Problems();
        YamlReader reader = new YamlReader();
        YamlFile yaml = reader.read(configPath, display(configPath), problems);
        problems.throwIfAny();
        ConfigFile config = new ConfigReader(problems).read(yaml);
        PluginChecks pluginChecks = new PluginChecks(plugins, problems, provisionerChecks ? root : null);
        pluginChecks.check(config);

        Map<String, EnvDefinition> envFiles = new HashMap<>();
        EnvironmentReader envReader = new EnvironmentReader(problems);
        java.util.function.Function<String, EnvDefinition> envFile = name -> envFiles.computeIfAbsent(name, n -> {
            Path file = dir.resolve("envs").resolve(n + ".yml");
            YamlFile envYaml = reader.read(file, display(file), problems);
            return envYaml == null ? null : envReader.read(n, envYaml, "", envYaml.root(), true);
        });
        ChainResolver chains = new ChainResolver(envFile, envNames, config.bases(), problems);
        EnvironmentBuilder builder = new EnvironmentBuilder(config, envNames, problems);
        Map<String, ResourceProviderFactory> providers = plugins.all(ResourceProviderFactory.class);
        NodeBuilder nodes = new NodeBuilder(config, providers, problems);
        LoadBalancerBuilder balancers = new LoadBalancerBuilder(config, plugins.all(LoadBalancerFactory.class), problems);

        Map<String, LoadedProject.LoadedEnvironment> loaded = new LinkedHashMap<>();
        for (String name : new LinkedHashSet<>(environments.isEmpty() ? envNames : environments)) {
            if (!Names.isSafe(name)) {
                Path file = display(dir.resolve("envs").resolve(name + ".yml"));
                problems.accept(new Problem(file, 1, 1, "", "environment file name '" + name + "' is not a valid environment name",
                        Names.RULE + ", then rename " + file));
                continue;
            }
            EnvDefinition definition = envFile.apply(name);
            if (definition == null) {
                continue;
            }
            List<EnvDefinition> chain = chains.chain(definition);
            EnvironmentSpec spec = builder.build(chain);
            loaded.put(name, new LoadedProject.LoadedEnvironment(spec, chain, nodes.build(spec, chain, Map.of()),
                    balancers.build(name, chain)));
        }
        balancers.requireNoneShared(loaded);
        if (slugChecks) {
            pluginChecks.checkPackagerFiles(config, root);
        }
        problems.throwIfAny();
        return new LoadedProject(root, config, envNames, loaded, providers);
    }

    private static List<String> environmentFiles(Path envs) {
        if (!Files.isDirectory(envs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(envs)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - ".yml".length())).sorted().toList();
        } catch (IOException e) {
            throw new NeckbeardException(ExitCode.USAGE, "cannot list the environment files in " + envs + ": " + e.getMessage(),
                    "check that the directory is readable", e);
        }
    }

    /** Relative to the working directory when the file is under it (shorter messages), else absolute. */
    private static Path display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }
}
