package io.neckbeard.aws;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import io.neckbeard.provider.ProviderException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an SDK failure into what the operator can act on: missing credentials, a missing or
 * unknown region, rejected keys or an expired token are configuration problems (exit 2); a denied or failed call is the
 * operation's failure (exit 1) naming the AWS error code. No stack trace reaches the user.
 */
public final class AwsErrors {
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired");
    private static final Set<String> DENIED = Set.of("UnauthorizedOperation", "AccessDenied", "AccessDeniedException", "HTTP 403");
    /** The SDK's words for a named profile that is missing or holds no keys. */
    private static final Pattern NO_PROFILE_CREDENTIALS = Pattern.compile("Profile file contained no credentials for profile '([^']*)'");
    private static final Set<String> BAD_CREDENTIALS = Set.of("AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch", "HTTP 401");

    private AwsErrors() {
    }

    /**
     * @param action what neckbeard was doing, e.g. "launch node app-1"
     * @return the exception to throw; {@code error} itself when it is already neckbeard's
     */
    public static RuntimeException translate(RuntimeException error, String action) {
        if (error instanceof NeckbeardException || !(error instanceof SdkException)) {
            return error;
        }
        String text = String.valueOf(error.getMessage());
        if (error instanceof AwsServiceException service) {
            String code = code(service);
            String message = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null ? text
                    : service.awsErrorDetails().errorMessage();
            if (EXPIRED.contains(code)) {
                return new NeckbeardException(ExitCode.USAGE, "cannot " + action + ": the AWS session token has expired (" + code + ")",
                        "refresh the credentials (e.g. 'aws sso login' or new temporary keys) and run the command again");
            }
            if (BAD_CREDENTIALS.contains(code)) {
                return new NeckbeardException(ExitCode.USAGE, "cannot " + action + ": AWS rejected the credentials (" + code + ")",
                        "check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, and that they belong to the account of the region");
            }
            if (DENIED.contains(code)) {
                return new ProviderException("cannot " + action + ": AWS denied the call (" + code + "): " + message,
                        "grant the IAM permissions listed in docs/aws.md to the identity neckbeard runs as", error);
            }
            return new ProviderException("cannot " + action + ": AWS answered " + code + ": " + message,
                    "fix what AWS names and run the command again (it resumes where it stopped)", error);
        }
        if (text.contains("Unable to load credentials")) {
            return new NeckbeardException(ExitCode.USAGE, "cannot " + action + ": no AWS credentials found",
                    "set AWS_PROFILE (a profile of ~/.aws/config), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                            + "or run 'aws sso login', or run on a host with an instance role", error);
        }
        // a named profile (aws.profile) without keys; the default chain's failure above names the default profile too
        Matcher profile = NO_PROFILE_CREDENTIALS.matcher(text);
        if (profile.find()) {
            return new NeckbeardException(ExitCode.USAGE, "cannot " + action + ": the AWS profile '" + profile.group(1)
                    + "' has no credentials", "add the profile to ~/.aws/config or ~/.aws/credentials (or 'aws sso login' "
                    + "for an SSO profile), or correct aws: {profile: NAME} in neckbeard/config.yml");
        }
        if (text.contains("Unable to load region")) {
            return new NeckbeardException(ExitCode.USAGE, "cannot " + action + ": no AWS region is set",
                    "set region: in config.yml, or AWS_REGION in the environment");
        }
        String host = unknownHost(error);
        if (host != null && host.endsWith(".amazonaws.com")) {
            return new NeckbeardException(ExitCode.USAGE, "cannot " + action + ": there is no AWS endpoint " + host
                    + " (is the region one AWS has?)", "set region: in config.yml (or AWS_REGION) to an AWS region such as "
                    + "us-east-1 ('aws ec2 describe-regions' lists them); if it is one, check that this host resolves (DNS)");
        }
        return new ProviderException("cannot " + action + ": " + text,
                "check the network path to AWS (or AWS_ENDPOINT_URL) and run the command again", error);
    }

    /**
     * The AWS error code; for an answer without one (the URL-connection client drops the body of
     * a 401), its HTTP status, e.g. {@code HTTP 401}, still told apart as rejected keys.
     */
    private static String code(AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        if (code != null && !code.isBlank()) {
            return code;
        }
        return "HTTP " + service.statusCode();
    }

    /** The host name that did not resolve, when the failure comes from one (the SDK wraps the JDK's exception). */
    private static String unknownHost(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException unknown && unknown.getMessage() != null) {
                return unknown.getMessage().split(":")[0].trim();
            }
        }
        return null;
    }
}
