package io.neckbeard.aws.doctor;

import io.neckbeard.model.Project;
import io.neckbeard.doctor.DoctorCheck;
import io.neckbeard.doctor.ProjectChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code doctor}'s {@code aws} check: for a project with a node type on ec2 or rds, or a coordinator
 * on s3-yaml or simpledb, that the credentials and region resolve and AWS accepts them (STS
 * GetCallerIdentity, which needs no IAM permission). Names no SDK class: other projects load none.
 */
public final class AwsProjectChecks implements ProjectChecks {
    static final String TYPE = "aws";
    private static final Set<String> AWS_RESOURCES = Set.of("ec2", "rds");
    private static final Set<String> AWS_COORDINATORS = Set.of("s3-yaml", "simpledb");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<DoctorCheck> check(Project project) {
        List<String> users = users(project);
        return users.isEmpty() ? List.of() : List.of(CallerIdentity.check(project.region(), project.awsProfile(), String.join(", ", users)));
    }

    /** What of the project uses AWS: {@code node type web (ec2)}, {@code coordinator (s3-yaml)}. */
    static List<String> users(Project project) {
        List<String> users = new ArrayList<>();
        project.nodeTypes().values().stream().filter(t -> AWS_RESOURCES.contains(t.resource()))
                .forEach(t -> users.add("node type " + t.name() + " (" + t.resource() + ")"));
        if (project.coordinator() != null && AWS_COORDINATORS.contains(project.coordinator().type())) {
            users.add("coordinator (" + project.coordinator().type() + ")");
        }
        return users;
    }
}
