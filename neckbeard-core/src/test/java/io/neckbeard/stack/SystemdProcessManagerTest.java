package io.neckbeard.stack;

import io.neckbeard.packager.PackageRequest;
import io.neckbeard.packager.PackagerContext;
import io.neckbeard.packager.Slug;
import io.neckbeard.packager.tarball.TarballPackagerFactory;
import io.neckbeard.testing.Fixtures;
import io.neckbeard.transport.local.LocalTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The systemd process manager through a real LocalTransport, with a stand-in systemctl that records its arguments. */
class SystemdProcessManagerTest {
    @TempDir
    Path temp;

    @Test
    void writesOneUnitPerProcessAndReloadsEnablesAndRestartsThem() throws Exception {
        Path project = Fixtures.copy("slug-project", temp.resolve("project"));
        Slug slug = new TarballPackagerFactory().create(new PackagerContext(project, "hello", Map.of()))
                .build(new PackageRequest("hello", project, Map.of(), temp.resolve("slugs")));
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path calls = temp.resolve("systemctl.calls");
        Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\necho \"$*\" >> " + calls + "\n");
        Files.setPosixFilePermissions(bin.resolve("systemctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path units = temp.resolve("etc/systemd/system");
        Path root = temp.resolve("srv/hello");
        LocalTransport transport = new LocalTransport(temp, "local:test", Map.of("PATH", bin + ":" + System.getenv("PATH")));
        StackTarget target = new StackTarget(root.toString(), 5, "systemd", "hello", "production", "app-1", 4, 8080,
                Map.of(), Map.of("DATABASE_URL", "postgres://x"), null);
        List<String> log = new ArrayList<>();

        new Stack(Map.of("systemd", new SystemdProcessManager(units.toString()))).deploy(transport, slug, target, log::add);

        assertThat(Files.readAllLines(calls)).containsExactly(
                "daemon-reload",
                "enable hello-web.service hello-worker.service",
                "restart hello-web.service hello-worker.service");
        assertThat(units.resolve("hello-web.service")).hasContent(String.join("\n",
                "[Unit]",
                "Description=hello web (neckbeard production)",
                "After=network.target",
                "",
                "[Service]",
                "Type=simple",
                "WorkingDirectory=" + root + "/current",
                "EnvironmentFile=" + root + "/shared/env",
                "ExecStart=/bin/sh " + root + "/shared/procs/web.sh",
                "Restart=always",
                "RestartSec=2",
                "",
                "[Install]",
                "WantedBy=multi-user.target"));
        assertThat(Files.readString(units.resolve("hello-worker.service")))
                .contains("ExecStart=/bin/sh " + root + "/shared/procs/worker.sh\n", "UnsetEnvironment=PORT\n");
        assertThat(root.resolve("shared/procs/web.sh")).hasContent("#!/bin/sh\nexec python3 app/server.py");
        assertThat(Files.readAllLines(root.resolve("shared/env"))).contains("PORT='8080'", "DATABASE_URL='postgres://x'");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(root.resolve("releases").resolve(slug.id()));
    }

    @Test
    void stopStopsEveryServiceOfTheApp() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path calls = temp.resolve("systemctl.calls");
        Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\necho \"$*\" >> " + calls + "\n");
        Files.setPosixFilePermissions(bin.resolve("systemctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalTransport transport = new LocalTransport(temp, "local:test", Map.of("PATH", bin + ":" + System.getenv("PATH")));

        new Stack(Map.of("systemd", new SystemdProcessManager(temp.toString()))).stop(transport,
                new StackTarget("/srv/hello", 5, "systemd", "hello", "production", "app-1", 4, null, Map.of(), Map.of(), null));

        assertThat(Files.readAllLines(calls)).containsExactly("stop hello-*.service");
    }

    @Test
    void logsReadEachUnitsJournalAndInspectGivesTheMainPidAndItsStart() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.writeString(bin.resolve("journalctl"), "#!/bin/sh\necho \"journal of $2\"\necho \"args $*\"\n");
        // a unit whose main process is this test's JVM: a pid that runs, with a start time in /proc
        Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\ncase \"$3\" in ActiveState) echo active;; NRestarts) echo 2;; "
                + "MainPID) echo " + ProcessHandle.current().pid() + ";; *) echo;; esac\n");
        for (String tool : List.of("journalctl", "systemctl")) {
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        LocalTransport transport = new LocalTransport(temp, "local:test", Map.of("PATH", bin + ":" + System.getenv("PATH")));
        StackTarget target = new StackTarget(temp.resolve("srv/hello").toString(), 5, "systemd", "hello", "production", "app-1",
                4, 8080, Map.of(), Map.of(), null);
        Stack stack = new Stack(Map.of("systemd", new SystemdProcessManager(temp.resolve("units").toString())));
        List<String> lines = new ArrayList<>();

        stack.logs(transport, target, List.of("web"), 5, false, (process, line) -> lines.add(process + "|" + line));
        ProcessStatus web = stack.inspect(transport, target, List.of("web")).get(0);

        assertThat(lines).containsExactly("web|journal of hello-web.service", "web|args -u hello-web.service -n 5 --no-pager -o cat");
        assertThat(web.state()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(web.exits()).isEqualTo(2);
        assertThat(web.pid()).isEqualTo((int) ProcessHandle.current().pid());
        assertThat(web.startedAt()).isBetween(ProcessHandle.current().info().startInstant().orElseThrow().minusSeconds(2),
                ProcessHandle.current().info().startInstant().orElseThrow().plusSeconds(2));
    }
}
