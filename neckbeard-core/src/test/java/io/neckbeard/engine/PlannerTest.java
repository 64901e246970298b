package io.neckbeard.engine;

import io.neckbeard.model.NodeSpec;
import io.neckbeard.model.ParamTree;
import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.state.Generation;
import io.neckbeard.state.GenerationState;
import io.neckbeard.state.NodeHealth;
import io.neckbeard.state.NodeRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.neckbeard.engine.Action.CHECK;
import static io.neckbeard.engine.Action.LAUNCH;
import static io.neckbeard.engine.Action.NOTHING;
import static io.neckbeard.engine.Action.PROVISION;
import static io.neckbeard.engine.Action.PUT_BACK;
import static io.neckbeard.engine.Action.REGISTER;
import static io.neckbeard.engine.Action.RESTART;
import static io.neckbeard.engine.Action.RETIRE;
import static io.neckbeard.engine.Action.TAKE_OUT;
import static io.neckbeard.engine.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {
    private static final String SLUG = "sha256:aaa";
    private static final NodeSpec APP_1 = node("app-1", 1, "az-a");
    private static final NodeSpec APP_2 = node("app-2", 2, "az-b");

    /** The digest depends on the node and its resource only, like the real one. */
    private final Planner planner = new Planner((node, resource) -> "cfg:" + node.name() + "@" + resource.id());

    @Test
    void firstUpLaunchesProvisionsAndRegistersEveryNode() {
        List<NodePlan> plans = planner.plan(List.of(APP_1, APP_2), null, 1, false, SLUG, List.of());

        assertThat(plans).extracting(NodePlan::actions).containsOnly(List.of(LAUNCH, PROVISION, REGISTER));
        assertThat(plans).extracting(NodePlan::reason).containsOnly("new node");
    }

    @Test
    void servingNodeWithANewSlugIsTakenOutProvisionedAndPutBack() {
        Generation active = generation(record("app-1", "r1", "sha256:old", "cfg:app-1@r1", true));

        NodePlan plan = planner.plan(List.of(APP_1), active, 1, false, SLUG, List.of(resource("r1", 1, "app-1"))).get(0);

        assertThat(plan.actions()).containsExactly(TAKE_OUT, PROVISION, PUT_BACK);
        assertThat(plan.reason()).isEqualTo("slug changed");
        assertThat(plan.serving()).isTrue();
    }

    @Test
    void changedConfigDigestTriggersProvisioning() {
        Generation active = generation(record("app-1", "r1", SLUG, "cfg:before-vars-set", true));

        NodePlan plan = planner.plan(List.of(APP_1), active, 1, false, SLUG, List.of(resource("r1", 1, "app-1"))).get(0);

        assertThat(plan.actions()).containsExactly(TAKE_OUT, PROVISION, PUT_BACK);
        assertThat(plan.reason()).isEqualTo("configuration changed");
    }

    @Test
    void upToDateServingNodeIsLeftAlone() {
        Generation active = generation(record("app-1", "r1", SLUG, "cfg:app-1@r1", true));

        NodePlan plan = planner.plan(List.of(APP_1), active, 1, false, SLUG, List.of(resource("r1", 1, "app-1"))).get(0);

        assertThat(plan.actions()).containsExactly(NOTHING);
        assertThat(plan.isWork()).isFalse();
    }

    @Test
    void upToDateNodeWhoseProcessesStoppedHasThemRestartedWithoutBeingTakenOut() {
        Generation active = generation(record("app-1", "r1", SLUG, "cfg:app-1@r1", true), record("app-2", "r2", SLUG, "cfg:app-2@r2", false));

        List<NodePlan> plans = planner.plan(List.of(APP_1, APP_2), active, 1, false, SLUG,
                List.of(resource("r1", 1, "app-1"), resource("r2", 1, "app-2")),
                Map.of("app-1", "web is stopped", "app-2", "worker is missing"));

        assertThat(plans.get(0).actions()).containsExactly(RESTART);
        assertThat(plans.get(0).reason()).isEqualTo("up to date but its processes stopped: web is stopped");
        assertThat(plans.get(0).workItem().serving()).isFalse();
        assertThat(plans.get(1).actions()).containsExactly(RESTART, REGISTER);
    }

    @Test
    void upToDateNodeOutOfItsLoadBalancerIsRegisteredAgain() {
        Generation active = generation(record("app-1", "r1", SLUG, "cfg:app-1@r1", false));

        NodePlan plan = planner.plan(List.of(APP_1), active, 1, false, SLUG, List.of(resource("r1", 1, "app-1"))).get(0);

        assertThat(plan.actions()).containsExactly(REGISTER);
    }

    @Test
    void nodeWhoseResourceVanishedIsRelaunchedAndDoesNotCountAsServing() {
        Generation active = generation(record("app-1", "r1", SLUG, "cfg:app-1@r1", true));

        NodePlan plan = planner.plan(List.of(APP_1), active, 1, false, SLUG, List.of(gone("r1", 1, "app-1"))).get(0);

        assertThat(plan.actions()).containsExactly(LAUNCH, PROVISION, REGISTER);
        assertThat(plan.reason()).isEqualTo("its resource r1 vanished");
        assertThat(plan.serving()).isFalse();
    }

    @Test
    void resourceLaunchedByAnInterruptedRunIsFoundByItsTagsInsteadOfLaunchingAgain() {
        Generation pending = new Generation(2, GenerationState.PENDING, Instant.EPOCH, null, null, List.of());

        NodePlan plan = planner.plan(List.of(APP_1), pending, 2, true, SLUG, List.of(resource("r9", 2, "app-1"))).get(0);

        assertThat(plan.actions()).containsExactly(PROVISION);
        assertThat(plan.resource().id()).isEqualTo("r9");
        assertThat(plan.reason()).startsWith("found r9 launched by an interrupted run");
    }

    @Test
    void resourceOfAnotherGenerationIsNotTakenForThisOne() {
        List<NodePlan> plans = planner.plan(List.of(APP_1), null, 2, true, SLUG, List.of(resource("r1", 1, "app-1")));

        assertThat(plans.get(0).actions()).containsExactly(LAUNCH, PROVISION);
    }

    @Test
    void pendingNodesAreProvisionedButNeverRegistered() {
        Generation pending = new Generation(2, GenerationState.PENDING, Instant.EPOCH, null, null,
                List.of(record("app-1", "r1", SLUG, "cfg:app-1@r1", false), record("app-2", "r2", null, null, false)));

        List<NodePlan> plans = planner.plan(List.of(APP_1, APP_2), pending, 2, true, SLUG,
                List.of(resource("r1", 2, "app-1"), resource("r2", 2, "app-2")));

        assertThat(plans).extracting(NodePlan::actions).containsExactly(List.of(NOTHING), List.of(PROVISION));
    }

    @Test
    void nodeNoLongerDesiredIsRetired() {
        Generation active = generation(record("app-1", "r1", SLUG, "cfg:app-1@r1", true),
                record("app-2", "r2", SLUG, "cfg:app-2@r2", true));

        List<NodePlan> plans = planner.plan(List.of(APP_1), active, 1, false, SLUG,
                List.of(resource("r1", 1, "app-1"), resource("r2", 1, "app-2")));

        assertThat(plans).extracting(NodePlan::name, NodePlan::actions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app-1", List.of(NOTHING)),
                        org.assertj.core.groups.Tuple.tuple("app-2", List.of(RETIRE)));
        assertThat(plans.get(1).resource().id()).isEqualTo("r2");
    }

    @Test
    void aHealthyManagedNodeWhoseConfigDigestChangedIsUpdatedThenChecked() {
        Planner managed = new Planner((node, resource) -> "cfg:" + node.name() + "@" + resource.id(), type -> true);
        List<Resource> discovered = List.of(resource("r1", 1, "app-1"));

        NodePlan changed = managed.plan(List.of(APP_1), generation(managedRecord("cfg:before", true)), 1, false, SLUG, discovered).get(0);
        NodePlan neverDigested = managed.plan(List.of(APP_1), generation(managedRecord(null, true)), 1, false, SLUG, discovered).get(0);
        NodePlan unchanged = managed.plan(List.of(APP_1), generation(managedRecord("cfg:app-1@r1", true)), 1, false, SLUG, discovered).get(0);

        assertThat(changed.actions()).containsExactly(UPDATE, CHECK);
        assertThat(changed.reason()).isEqualTo("configuration changed");
        assertThat(changed.configDigest()).isEqualTo("cfg:app-1@r1");
        assertThat(neverDigested.actions()).containsExactly(UPDATE, CHECK);
        assertThat(unchanged.actions()).containsExactly(NOTHING);
    }

    @Test
    void anUnhealthyManagedNodeIsCheckedAndUpdatedFirstOnlyWhenItsConfigChanged() {
        Planner managed = new Planner((node, resource) -> "cfg:" + node.name() + "@" + resource.id(), type -> true);
        List<Resource> discovered = List.of(resource("r1", 1, "app-1"));

        NodePlan same = managed.plan(List.of(APP_1), generation(managedRecord("cfg:app-1@r1", false)), 1, false, SLUG, discovered).get(0);
        NodePlan changed = managed.plan(List.of(APP_1), generation(managedRecord("cfg:before", false)), 1, false, SLUG, discovered).get(0);

        assertThat(same.actions()).containsExactly(CHECK);
        assertThat(changed.actions()).containsExactly(UPDATE, CHECK);
        assertThat(changed.reason()).isEqualTo("not healthy when last checked; configuration changed");
    }

    private static NodeRecord managedRecord(String config, boolean healthy) {
        return new NodeRecord("app-1", "app", "az-a", "local", "r1", "127.0.0.1", Instant.EPOCH, null, config,
                new NodeHealth(healthy, Instant.EPOCH, healthy ? "available" : "stopped"), false, Map.of());
    }

    private static NodeSpec node(String name, int index, String az) {
        return new NodeSpec(name, "app", index, az, "small", "local", List.of("web"), new ParamTree(Map.of(), Map.of()));
    }

    private static Generation generation(NodeRecord... records) {
        return new Generation(1, GenerationState.ACTIVE, Instant.EPOCH, SLUG, null, List.of(records));
    }

    private static NodeRecord record(String name, String resourceId, String slug, String config, boolean operational) {
        return new NodeRecord(name, "app", "az-a", "local", resourceId, "127.0.0.1", Instant.EPOCH, slug, config, null,
                operational, Map.of());
    }

    private static Resource resource(String id, long generation, String node) {
        return new Resource(id, "local", "127.0.0.1", ResourceState.RUNNING, Tags.of("hello", "prod", generation, node), Map.of());
    }

    private static Resource gone(String id, long generation, String node) {
        return new Resource(id, "local", null, ResourceState.GONE, Tags.of("hello", "prod", generation, node), Map.of());
    }
}
