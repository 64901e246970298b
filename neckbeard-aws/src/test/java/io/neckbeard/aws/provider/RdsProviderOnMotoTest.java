package io.neckbeard.aws.provider;

import io.neckbeard.provider.Resource;
import io.neckbeard.provider.ResourceKind;
import io.neckbeard.provider.ResourceState;
import io.neckbeard.provider.Tags;
import io.neckbeard.testing.moto.MotoExtension;
import io.neckbeard.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MotoExtension.class)
class RdsProviderOnMotoTest {
    private static final Map<String, String> PRODUCTION_DB_1 = Map.of(Tags.APP, "shop", Tags.ENV, "production",
            Tags.GENERATION, "1", Tags.NODE, "db-1", Tags.NAME, "shop-production-g1-db-1");
    private final MotoRds.Calls calls = new MotoRds.Calls();
    private RdsClient rds;

    @BeforeEach
    void connect(MotoServer moto) {
        rds = MotoRds.client(moto, calls);
    }

    @AfterEach
    void close() {
        rds.close();
    }

    @Test
    void launchCreatesATaggedDatabaseWithTheSettingsAndPublishesItsEndpoint() {
        Resource db = MotoRds.provider(rds).launch(MotoRds.request("production", 1, "db-1",
                Map.of("security_groups", List.of("sg-0123"), "multi_az", true, "port", 5433)));

        DBInstance created = instance("shop-production-g1-db-1");
        assertThat(tags(created.tagList())).containsAllEntriesOf(PRODUCTION_DB_1);
        assertThat(created.engine()).isEqualTo("postgres");
        assertThat(created.engineVersion()).isEqualTo("16.3");
        assertThat(created.dbInstanceClass()).isEqualTo("db.t4g.micro");
        assertThat(created.allocatedStorage()).isEqualTo(20);
        assertThat(created.multiAZ()).isTrue();
        assertThat(created.vpcSecurityGroups()).extracting(g -> g.vpcSecurityGroupId()).containsExactly("sg-0123");
        assertThat(db.id()).isEqualTo("shop-production-g1-db-1");
        assertThat(db.state()).isEqualTo(ResourceState.RUNNING);
        assertThat(db.address()).isEqualTo(created.endpoint().address());
        assertThat(db.tags()).isEqualTo(PRODUCTION_DB_1);
        assertThat(db.attributes()).containsEntry("port", "5433").containsEntry("db_name", "shop").containsEntry("engine", "postgres");
        assertThat(db.toString()).doesNotContain(MotoRds.PASSWORD);
        assertThat(MotoRds.provider(rds).kind()).isEqualTo(ResourceKind.MANAGED);
    }

    @Test
    void aSecondLaunchOfTheSameNodeAdoptsTheDatabaseInsteadOfCreatingAnother() {
        Resource first = MotoRds.provider(rds).launch(MotoRds.request("production", 1, "db-1", Map.of()));

        // a run killed after CreateDBInstance but before the coordinator's write launches the node again
        Resource second = MotoRds.provider(rds).launch(MotoRds.request("production", 1, "db-1", Map.of()));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(calls.of("CreateDBInstance")).isEqualTo(1);
        assertThat(rds.describeDBInstances().dbInstances()).hasSize(1);
    }

    @Test
    void parametersGoToAGroupKeptPerTypeThatLaterLaunchesBringToTheWrittenValues() {
        RdsProvider provider = MotoRds.provider(rds);
        provider.launch(MotoRds.request("production", 1, "db-1", Map.of("parameters", Map.of("max_connections", 150))));
        calls.reset();

        provider.launch(MotoRds.request("production", 2, "db-1", Map.of("parameters", Map.of("max_connections", 200))));
        int modifiedForAChange = calls.of("ModifyDBParameterGroup");
        calls.reset();
        provider.launch(MotoRds.request("production", 3, "db-1", Map.of("parameters", Map.of("max_connections", 200))));

        assertThat(instance("shop-production-g3-db-1").dbParameterGroups()).extracting(g -> g.dbParameterGroupName())
                .containsExactly("shop-production-db");
        assertThat(rds.describeDBParameters(d -> d.dbParameterGroupName("shop-production-db")).parameters())
                .filteredOn(p -> p.parameterName().equals("max_connections")).extracting(Parameter::parameterValue).containsExactly("200");
        assertThat(modifiedForAChange).isEqualTo(1);
        assertThat(calls.of("ModifyDBParameterGroup")).isZero();
        assertThat(calls.of("CreateDBParameterGroup")).isZero();
    }

    @Test
    void updateBringsTheGroupToChangedParametersAndModifiesOnlyTheChangedOnes() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource db = provider.launch(MotoRds.request("production", 1, "db-1",
                Map.of("parameters", Map.of("max_connections", 150, "work_mem", "4096"))));
        calls.reset();

        Resource updated = provider.update(db, MotoRds.request("production", 1, "db-1",
                Map.of("parameters", Map.of("max_connections", 200, "work_mem", "4096"))));

        assertThat(updated).isEqualTo(db);
        assertThat(rds.describeDBParameters(d -> d.dbParameterGroupName("shop-production-db")).parameters())
                .filteredOn(p -> p.parameterName().equals("max_connections") || p.parameterName().equals("work_mem"))
                .extracting(Parameter::parameterName, Parameter::parameterValue)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("max_connections", "200"),
                        org.assertj.core.groups.Tuple.tuple("work_mem", "4096"));
        assertThat(calls.of("ModifyDBParameterGroup")).isEqualTo(1);
        assertThat(calls.modifiedParameters()).containsExactly("max_connections");
        assertThat(calls.of("ModifyDBInstance")).isZero();
        assertThat(calls.of("CreateDBInstance")).isZero();
    }

    @Test
    void aNewGenerationIsRestoredFromASnapshotOfTheSeedDatabaseTaggedForIt() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource active = provider.launch(MotoRds.request("production", 1, "db-1", Map.of()));
        calls.reset();

        Resource next = provider.launch(MotoRds.seeded(MotoRds.request("production", 2, "db-1", Map.of()), active));

        DBSnapshot seed = rds.describeDBSnapshots(d -> d.dbSnapshotIdentifier("shop-production-g2-db-1-seed")).dbSnapshots().get(0);
        assertThat(seed.dbInstanceIdentifier()).isEqualTo(active.id());
        assertThat(tags(seed.tagList())).containsEntry(Tags.GENERATION, "2").containsEntry(Tags.NODE, "db-1");
        assertThat(calls.of("RestoreDBInstanceFromDBSnapshot")).isEqualTo(1);
        assertThat(calls.of("CreateDBInstance")).isZero();
        assertThat(next.id()).isEqualTo("shop-production-g2-db-1");
        assertThat(next.attributes()).containsEntry("db_name", "shop");
        assertThat(tags(instance(next.id()).tagList())).containsEntry(Tags.GENERATION, "2");
    }

    @Test
    void aRerunOfASeededLaunchReusesItsSnapshot() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource active = provider.launch(MotoRds.request("production", 1, "db-1", Map.of()));
        provider.launch(MotoRds.seeded(MotoRds.request("production", 2, "db-1", Map.of()), active));
        rds.deleteDBInstance(d -> d.dbInstanceIdentifier("shop-production-g2-db-1").skipFinalSnapshot(true));
        calls.reset();

        provider.launch(MotoRds.seeded(MotoRds.request("production", 2, "db-1", Map.of()), active));

        assertThat(calls.of("CreateDBSnapshot")).isZero();
        assertThat(calls.of("RestoreDBInstanceFromDBSnapshot")).isEqualTo(1);
    }

    @Test
    void seedNoneCreatesBlankAndAGivenSnapshotIsRestoredEvenWithoutASeed() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource active = provider.launch(MotoRds.request("production", 1, "db-1", Map.of()));
        rds.createDBSnapshot(c -> c.dbInstanceIdentifier(active.id()).dbSnapshotIdentifier("shop-golden"));
        calls.reset();

        provider.launch(MotoRds.seeded(MotoRds.request("production", 2, "db-1", Map.of("seed", "none")), active));
        int blank = calls.of("CreateDBInstance");
        provider.launch(MotoRds.request("staging", 1, "db-1", Map.of("seed", Map.of("snapshot", "shop-golden"))));

        assertThat(blank).isEqualTo(1);
        assertThat(calls.of("CreateDBSnapshot")).isZero();
        assertThat(calls.of("RestoreDBInstanceFromDBSnapshot")).isEqualTo(1);
        assertThat(instance("shop-staging-g1-db-1").dbInstanceStatus()).isEqualTo("available");
    }

    @Test
    void restoreTimeRestoresTheSeedDatabaseToAPointInTime() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource active = provider.launch(MotoRds.request("production", 1, "db-1", Map.of()));
        calls.reset();

        provider.launch(MotoRds.seeded(MotoRds.request("production", 2, "db-1", Map.of("seed", Map.of("restore_time", "latest"))), active));

        assertThat(calls.of("RestoreDBInstanceToPointInTime")).isEqualTo(1);
        assertThat(tags(instance("shop-production-g2-db-1").tagList())).containsEntry(Tags.GENERATION, "2");
    }

    @Test
    void terminateLeavesAFinalSnapshotNamedAfterTheDatabaseAndTimeAndIsIdempotent() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource db = provider.launch(MotoRds.request("production", 1, "db-1", Map.of()));

        provider.terminate(db);
        provider.terminate(db);

        assertThat(rds.describeDBSnapshots(d -> d.dbInstanceIdentifier(db.id())).dbSnapshots())
                .extracting(DBSnapshot::dbSnapshotIdentifier)
                .anySatisfy(id -> assertThat(id).matches("shop-production-g1-db-1-final-\\d{8}-\\d{6}"));
        assertThat(provider.refresh(db).state()).isEqualTo(ResourceState.GONE);
        assertThat(provider.discover("shop", "production")).isEmpty();
    }

    @Test
    void finalSnapshotFalseDeletesWithoutOne() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource db = provider.launch(MotoRds.request("production", 1, "db-1", Map.of("final_snapshot", false)));

        provider.terminate(provider.refresh(db));

        assertThat(rds.describeDBSnapshots().dbSnapshots()).extracting(DBSnapshot::dbSnapshotIdentifier)
                .noneMatch(id -> id.contains("-final-"));
    }

    @Test
    void refreshAllAsksForEveryDatabaseInOneCallAndCallsAMissingOneGone() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource first = provider.launch(MotoRds.request("production", 1, "db-1", Map.of()));
        Resource second = provider.launch(MotoRds.request("production", 1, "db-2", Map.of()));
        Resource third = provider.launch(MotoRds.request("production", 1, "reports-1", Map.of()));
        Resource vanished = new Resource("shop-production-g1-db-9", "rds", null, ResourceState.UNKNOWN, Map.of(), Map.of());
        calls.reset();

        List<Resource> refreshed = provider.refreshAll(List.of(first, second, vanished, third));

        assertThat(calls.all()).isEqualTo(Map.of("DescribeDBInstances", 1));
        assertThat(refreshed).extracting(Resource::id).containsExactly(first.id(), second.id(), vanished.id(), third.id());
        assertThat(refreshed).extracting(Resource::state)
                .containsExactly(ResourceState.RUNNING, ResourceState.RUNNING, ResourceState.GONE, ResourceState.RUNNING);
    }

    @Test
    void discoverFindsTheEnvironmentsDatabasesByTheirTags() {
        RdsProvider provider = MotoRds.provider(rds);
        Resource first = provider.launch(MotoRds.request("production", 1, "db-1", Map.of()));
        Resource second = provider.launch(MotoRds.request("production", 2, "db-1", Map.of()));
        provider.launch(MotoRds.request("staging", 1, "db-1", Map.of()));

        assertThat(provider.discover("shop", "production")).extracting(Resource::id).containsExactlyInAnyOrder(first.id(), second.id());
    }

    private DBInstance instance(String id) {
        return rds.describeDBInstances(d -> d.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
