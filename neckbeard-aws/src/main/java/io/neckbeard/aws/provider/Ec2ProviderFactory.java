package io.neckbeard.aws.provider;

import io.neckbeard.model.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;

import java.time.Duration;
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
        return ParamChecks.of("ec2", params)
                .required("image_id", "image_id: ami-0abc1234")
                .required("instance_type", "instance_type: t3.small, usually in a size")
                .strings("image_id", "instance_type", "key_name", "subnet_id", "instance_profile", "user_data", "elastic_ip",
                        "address_override", "launch_timeout")
                .oneOf("address", Ec2Settings.ADDRESSES)
                .stringLists("security_groups")
                .booleans("associate_public_ip", "ebs_optimized")
                .problems();
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        return new Ec2Provider(() -> Ec2Instances.of(context, FIRST_POLL));
    }
}
