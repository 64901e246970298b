package io.neckbeard.doctor;

import io.neckbeard.model.Project;
import io.neckbeard.plugin.Typed;

import java.util.List;

/**
 * Checks a plugin adds to {@code neckbeard doctor} for the parts it provides, e.g. that cloud
 * credentials and a region resolve. Registered in {@code META-INF/services}; every registered
 * implementation is asked. Its class must name no class of a heavy SDK in its signatures or static
 * state, so that listing the implementations loads no such class: only {@link #check} of a project
 * that uses the plugin's parts may reach it.
 */
public interface ProjectChecks extends Typed {

    /** The checks for {@code project}; empty when the project uses nothing this plugin provides. */
    List<DoctorCheck> check(Project project);
}
