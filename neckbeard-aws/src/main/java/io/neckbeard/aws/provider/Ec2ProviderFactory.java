package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code resource: ec2}. Names no SDK type: the SDK is loaded only when a command uses the
 * provider (see {@link Ec2Provider}).
 */
public final class Ec2ProviderFactory implements ResourceProviderFactory {
    static final String TYPE = "ec2";
    private static final Duration FIRST_POLL = Duration.ofSeconds(2);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        Map<?, ?> ec2 = params.get(Ec2Settings.BLOCK) instanceof Map<?, ?> map ? map : Map.of();
        Object elasticIp = ec2.get("elastic_ip");
        List<?> elasticIps = elasticIp instanceof List<?> list ? list : elasticIp == null ? List.of() : List.of(elasticIp);
        return ParamChecks.of(Ec2Settings.BLOCK, params)
                .required("image_id", "image_id: ami-0abc1234")
                .required("instance_type", "instance_type: t3.small, usually in a size")
                .strings("image_id", "instance_type", "key_name", "subnet_id", "instance_profile", "user_data",
                        "address_override", "launch_timeout", "snapshot_timeout")
                .oneOf("address", Ec2Settings.ADDRESSES)
                .oneOf("seed", Ec2Settings.SEEDS)
                .stringLists("security_groups")
                .booleans("associate_public_ip", "ebs_optimized", "status_checks")
                .mappings("volumes", "{device: /dev/sdf, size_gb: 100, type: gp3}", volume -> volume
                        .required("device", "device: /dev/sdf")
                        .required("size_gb", "size_gb: 100")
                        .strings("device")
                        .integers("size_gb", "iops", "throughput")
                        .oneOf("type", Ec2Volume.TYPES)
                        .booleans("encrypted", "delete_on_termination"))
                .when(elasticIps.stream().anyMatch(e -> !(e instanceof String text && Ec2Settings.validElasticIp(text))), "elastic_ip",
                        "ec2.elastic_ip must be allocate, an allocation id (eipalloc-...) or a public IPv4 address (or a list of them, "
                                + "one per node index), found " + elasticIp,
                        "write elastic_ip: allocate, or elastic_ip: [eipalloc-..., eipalloc-...] for nodes 1, 2, ...")
                .when("elastic_ip".equals(ec2.get("address")) && elasticIp == null, "address",
                        "ec2.address is elastic_ip, but the node has no ec2.elastic_ip",
                        "set ec2.elastic_ip (allocate, eipalloc-... or an address), or choose address: public")
                .problems();
    }

    /** As {@link #validate(String, Map)}, and a list-valued {@code elastic_ip} must have an entry for node {@code <type>-<index>}. */
    @Override
    public List<ParamProblem> validate(String nodeType, int index, Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>(validate(nodeType, params));
        Map<?, ?> ec2 = params.get(Ec2Settings.BLOCK) instanceof Map<?, ?> map ? map : Map.of();
        if (ec2.get("elastic_ip") instanceof List<?> perNode && index > perNode.size()) {
            problems.add(new ParamProblem("ec2.elastic_ip", "node " + nodeType + "-" + index + " has no Elastic IP: ec2.elastic_ip lists "
                    + perNode.size() + " for " + nodeType + "-1 to " + nodeType + "-" + perNode.size(),
                    "add one entry per node (allocate is fine for any of them), or lower the node count"));
        }
        return problems;
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        return new Ec2Provider(() -> Ec2Instances.of(context, FIRST_POLL));
    }
}
