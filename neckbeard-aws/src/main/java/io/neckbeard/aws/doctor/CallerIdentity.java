package io.neckbeard.aws.doctor;

import io.neckbeard.aws.AwsClients;
import io.neckbeard.aws.AwsErrors;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.doctor.DoctorCheck;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Asks STS who the providers' credentials (aws.profile, else the SDK's chain) belong to: the SDK side of {@link AwsProjectChecks}. */
final class CallerIdentity {
    private CallerIdentity() {
    }

    /**
     * @param region  config.yml's {@code region:}, or null for the SDK's region chain
     * @param profile config.yml's {@code aws.profile}, or null for the SDK's credential chain
     */
    static DoctorCheck check(String region, String profile, String users) {
        try (AwsClients clients = AwsClients.standalone(region, profile)) {
            return check(clients.sts(), users);
        } catch (NeckbeardException e) {
            return failed(e, users);
        }
    }

    static DoctorCheck check(StsClient sts, String users) {
        try {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            return DoctorCheck.passed(AwsProjectChecks.TYPE, "account " + identity.account() + " as " + identity.arn()
                    + ", region " + sts.serviceClientConfiguration().region() + " (used by " + users + ")");
        } catch (RuntimeException e) {
            RuntimeException translated = AwsErrors.translate(e, "ask AWS STS who the credentials belong to");
            if (translated instanceof NeckbeardException known) {
                return failed(known, users);
            }
            throw translated;
        }
    }

    private static DoctorCheck failed(NeckbeardException e, String users) {
        return DoctorCheck.failed(AwsProjectChecks.TYPE, e.getMessage() + " (used by " + users + ")", e.remedy());
    }
}
