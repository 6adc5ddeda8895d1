package org.mtrl.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mtrl.api.optim.TrainingContext;
import org.mtrl.api.runtime.ProgressListener;
import org.mtrl.api.training.AlternatingMethod;
import org.mtrl.api.training.SamplePlan;
import org.mtrl.core.runtime.PoolWorkers;
import org.mtrl.core.runtime.SeededRandomStreams;

/** The engine reports the samples each gradient has consumed, once per chunk, up to the total. */
class GradientEngineProgressTest {
    private static final int D = 4;
    private static final int TASKS = 5;
    private static final SamplePlan PLAN = new SamplePlan("rep", 1, 2 * SamplePlan.CHUNK + 77);

    private record Report(long done, long total, String unit) {
    }

    @Test
    void everyChunkIsCountedOnceAndTheCountReachesTheSamplesOfAllTasks() {
        List<Report> reports = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void workDone(long done, long total, String unit) {
                reports.add(new Report(done, total, unit));
            }
        };
        long total = (long) TASKS * PLAN.samples();
        try (PoolWorkers workers = new PoolWorkers(3)) {
            GradientEngine engine = new GradientEngine(new MomentModel(D, TASKS), new TrainingContext(
                    MomentModel.problem(D, TASKS), new SeededRandomStreams(5), workers, listener, GradientEngine.SERVICE, null));
            engine.headGradients(AlternatingMethod.allTasks(TASKS), PLAN);
            check(reports, total);
            reports.clear();
            engine.sharedGradient(AlternatingMethod.allTasks(TASKS), PLAN, false);
            check(reports, total);
        }
    }

    private static void check(List<Report> reports, long total) {
        assertEquals(TASKS * PLAN.chunks(), reports.size(), "one report per chunk");
        assertTrue(reports.stream().allMatch(r -> r.total() == total && r.unit().equals("samples")), reports::toString);
        assertEquals(total, reports.stream().mapToLong(Report::done).max().orElseThrow());
        assertEquals(reports.size(), reports.stream().mapToLong(Report::done).distinct().count(), "counts are distinct");
    }
}
