package io.neckbeard.aws.loadbalancer;

import io.neckbeard.loadbalancer.LoadBalancerFactory;
import io.neckbeard.model.ParamProblem;
import io.neckbeard.plugin.Plugins;
import io.neckbeard.plugin.ValidationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Elbv2ValidationTest {
    private static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    private final LoadBalancerFactory elbv2 = Plugins.builtIn().find(LoadBalancerFactory.class, "elbv2", "load balancer");
    private final ValidationContext offline = new ValidationContext(null, List.of());

    @Test
    void aTargetGroupAndADrainTimeAreValid() {
        assertThat(elbv2.validate(Map.of("target_group", ARN, "drain_seconds", 30), offline)).isEmpty();
    }

    @Test
    void aTargetGroupNameIsValidToo() {
        assertThat(elbv2.validate(Map.of("target_group", "aws-web-production"), offline)).isEmpty();
    }

    @Test
    void aTargetGroupThatIsNeitherAnArnNorAValidNameIsRefused() {
        assertThat(elbv2.validate(Map.of("target_group", "-web_prod"), offline)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("target_group must be a target group ARN or name, was '-web_prod'"));
        assertThat(elbv2.validate(Map.of("target_group", "arn:aws:elasticloadbalancing:us-east-1:123:loadbalancer/app/x/1"), offline))
                .extracting(ParamProblem::path).containsExactly("target_group");
    }

    @Test
    void reportsEveryProblemEachAtItsKey() {
        List<ParamProblem> problems = elbv2.validate(Map.of("target_grup", ARN, "drain_seconds", "soon"), offline);

        assertThat(problems).extracting(ParamProblem::path).containsExactlyInAnyOrder("target_grup", "target_group", "drain_seconds");
        assertThat(problems).filteredOn(p -> p.path().equals("target_grup")).singleElement()
                .satisfies(p -> assertThat(p.fix()).startsWith("did you mean 'target_group'?"));
    }
}
