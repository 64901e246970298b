package io.neckbeard.aws.provider;

import io.neckbeard.provider.ParamProblem;
import io.neckbeard.provider.ProviderContext;
import io.neckbeard.provider.ProviderException;
import io.neckbeard.provider.ResourceProvider;
import io.neckbeard.provider.ResourceProviderFactory;

import java.util.List;
import java.util.Map;

/** {@code resource: ec2}. Validates the {@code ec2:} parameters; launching arrives with the AWS SDK code. */
public final class Ec2ProviderFactory implements ResourceProviderFactory {

    @Override
    public String type() {
        return "ec2";
    }

    @Override
    public List<ParamProblem> validate(String nodeType, Map<String, Object> params) {
        return ParamChecks.of("ec2", params)
                .required("image_id", "image_id: ami-0abc1234")
                .required("instance_type", "instance_type: t3.small, usually in a size")
                .strings("image_id", "instance_type", "key_name", "subnet_id", "instance_profile", "user_data", "elastic_ip")
                .stringLists("security_groups")
                .booleans("associate_public_ip", "ebs_optimized")
                .problems();
    }

    @Override
    public ResourceProvider create(ProviderContext context) {
        throw new ProviderException("the ec2 provider cannot launch instances in this version of neckbeard",
                "use 'neckbeard check' and 'show' with ec2 node types for now, or the local provider to deploy");
    }
}
