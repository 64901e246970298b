package io.neckbeard.doctor;

/**
 * One line of {@code neckbeard doctor}: what was checked, whether it passed, what was found and,
 * when it failed, how to fix it.
 *
 * @param name   what was checked, e.g. {@code config}, {@code coordinator}, {@code disk web-1}
 * @param detail what was found (never a secret value)
 * @param fix    how to fix a failure; null when the check passed
 */
public record DoctorCheck(String name, boolean ok, String detail, String fix) {

    public static DoctorCheck passed(String name, String detail) {
        return new DoctorCheck(name, true, detail, null);
    }

    public static DoctorCheck failed(String name, String detail, String fix) {
        return new DoctorCheck(name, false, detail, fix);
    }
}
