package io.neckbeard.engine;

import io.neckbeard.core.ExitCode;
import io.neckbeard.core.NeckbeardException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaveSchedulerTest {
    private static final Placement APP_A = new Placement("app", "az-a");
    private static final Placement APP_B = new Placement("app", "az-b");
    private static final AtomicLong SEEDS = new AtomicLong(20240601L);

    @Test
    void takesOutAtMostTheSlackAboveTheFloorPerAz() {
        List<WorkItem> items = serving(APP_A, 4, "a");
        List<List<WorkItem>> waves = new WaveScheduler("prod", Map.of("app", 2), 100)
                .schedule(items, Map.of(APP_A, 4));

        assertThat(waves).extracting(List::size).containsExactly(2, 2);
    }

    @Test
    void azsRollIndependently() {
        List<WorkItem> items = new ArrayList<>(serving(APP_A, 20, "a"));
        items.addAll(serving(APP_B, 20, "b"));
        List<List<WorkItem>> waves = new WaveScheduler("prod", Map.of("app", 10), 100)
                .schedule(items, Map.of(APP_A, 20, APP_B, 20));

        assertThat(waves).hasSize(2).allSatisfy(wave -> assertThat(wave).hasSize(20));
    }

    @Test
    void parallelLimitCapsEveryWave() {
        List<WorkItem> items = serving(APP_A, 5, "a");
        List<List<WorkItem>> waves = new WaveScheduler("prod", Map.of("app", 0), 2).schedule(items, Map.of(APP_A, 5));

        assertThat(waves).extracting(List::size).containsExactly(2, 2, 1);
    }

    @Test
    void newNodesGoFirstAndMakeRoomForServingOnes() {
        List<WorkItem> items = new ArrayList<>(serving(APP_A, 2, "old"));
        items.add(new WorkItem("new-1", APP_A, false));
        List<List<WorkItem>> waves = new WaveScheduler("prod", Map.of("app", 2), 100).schedule(items, Map.of(APP_A, 2));

        assertThat(waves.get(0)).extracting(WorkItem::node).containsExactly("new-1");
        assertThat(waves).hasSize(3);
    }

    @Test
    void newNodesAreNotBoundByTheFloor() {
        List<WorkItem> items = List.of(new WorkItem("app-1", APP_A, false), new WorkItem("app-2", APP_B, false));
        List<List<WorkItem>> waves = new WaveScheduler("prod", Map.of("app", 5), 100).schedule(items, Map.of());

        assertThat(waves).hasSize(1);
    }

    @Test
    void refusesWhenAnAzHasExactlyItsFloorAndAllNeedWork() {
        List<WorkItem> items = new ArrayList<>(serving(APP_A, 2, "a"));
        items.addAll(serving(APP_B, 3, "b"));

        assertThatThrownBy(() -> new WaveScheduler("production", Map.of("app", 2), 100)
                .schedule(items, Map.of(APP_A, 2, APP_B, 3)))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                    assertThat(e.getMessage()).contains("app nodes in AZ az-a", "min_per_az=2");
                    assertThat(e.remedy()).contains("neckbeard up production --pending");
                });
    }

    @Test
    void rejectsAParallelLimitBelowOne() {
        assertThatThrownBy(() -> new WaveScheduler("prod", Map.of(), 0))
                .isInstanceOfSatisfying(NeckbeardException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    /** Property: any schedule the scheduler returns keeps every placement at or above its floor. */
    @RepeatedTest(300)
    void noScheduleEverBreaksAFloor() {
        Random random = new Random(SEEDS.getAndIncrement());
        List<Placement> placements = new ArrayList<>();
        Map<String, Integer> floors = new HashMap<>();
        for (String type : List.of("app", "worker", "db").subList(0, 1 + random.nextInt(3))) {
            floors.put(type, random.nextInt(4));
            for (int az = 0; az < 1 + random.nextInt(3); az++) {
                placements.add(new Placement(type, "az-" + az));
            }
        }
        Map<Placement, Integer> operational = new HashMap<>();
        List<WorkItem> items = new ArrayList<>();
        int counter = 0;
        for (Placement placement : placements) {
            int servingNodes = random.nextInt(8);
            operational.put(placement, servingNodes);
            for (int i = 0; i < servingNodes; i++) {
                if (random.nextInt(3) > 0) {
                    items.add(new WorkItem("n" + counter++, placement, true));
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                items.add(new WorkItem("n" + counter++, placement, false));
            }
        }
        int parallel = 1 + random.nextInt(10);
        boolean feasible = placements.stream().allMatch(p -> items.stream().noneMatch(i -> i.placement().equals(p) && i.serving())
                || operational.get(p) + items.stream().filter(i -> i.placement().equals(p) && !i.serving()).count() > floors.get(p.type()));

        WaveScheduler scheduler = new WaveScheduler("prod", floors, parallel);
        if (!feasible) {
            assertThatThrownBy(() -> scheduler.schedule(items, operational)).isInstanceOf(NeckbeardException.class);
            return;
        }
        List<List<WorkItem>> waves = scheduler.schedule(items, operational);

        assertThat(waves.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(items);
        Map<Placement, Integer> inService = new HashMap<>(operational);
        for (List<WorkItem> wave : waves) {
            assertThat(wave).isNotEmpty().hasSizeLessThanOrEqualTo(parallel);
            for (Placement placement : placements) {
                long out = wave.stream().filter(i -> i.serving() && i.placement().equals(placement)).count();
                if (out > 0) {
                    assertThat(inService.get(placement) - out).as("%s during a wave", placement)
                            .isGreaterThanOrEqualTo(floors.get(placement.type()));
                }
            }
            wave.stream().filter(i -> !i.serving()).forEach(i -> inService.merge(i.placement(), 1, Integer::sum));
        }
    }

    private static List<WorkItem> serving(Placement placement, int count, String prefix) {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(new WorkItem(prefix + "-" + i, placement, true));
        }
        return items;
    }
}
