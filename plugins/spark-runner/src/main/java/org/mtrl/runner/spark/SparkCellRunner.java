package org.mtrl.runner.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.mtrl.core.assembly.RunFailedException;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.sweep.CellRunner;
import org.mtrl.core.sweep.PlannedCell;
import org.mtrl.core.sweep.SweepEngine;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs cells as one Spark job: one cell per partition, so one task per cell. Each result comes back to
 * the driver as its task completes: the driver writes the cell's record into the sweep folder and
 * reports it, so progress, the tables and resume behave as with the local runner. A lost executor
 * fails its task and Spark runs it again elsewhere ({@code spark.task.maxFailures}); a cell that fails
 * by itself is a normal, {@code failed} result and is never retried.
 */
final class SparkCellRunner implements CellRunner {
    private static final String JOB_GROUP = "mtrl-sweep";

    private final SparkSettings settings;

    SparkCellRunner(SparkSettings settings) {
        this.settings = settings;
    }

    @Override
    public void run(Path sweep, List<PlannedCell> cells, Sink sink) {
        if (cells.isEmpty()) {
            return;
        }
        SparkConf conf = settings.conf("mtrl sweep " + sweep.toAbsolutePath().getFileName());
        List<CellTask> tasks = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            PlannedCell cell = cells.get(i);
            tasks.add(new CellTask(i, cell.id(), ConfigTrees.toJson(cell.config().tree()), settings.executorPluginsDir()));
        }
        Set<Integer> finished = ConcurrentHashMap.newKeySet();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart start) {
                    int index = start.taskInfo().index();
                    if (index < cells.size() && !finished.contains(index)) {
                        sink.started(cells.get(index));
                    }
                }
            });
            spark.setJobGroup(JOB_GROUP, "mtrl sweep of " + cells.size() + " cells", true);
            JavaRDD<CellTask> rdd = spark.parallelize(tasks, tasks.size());
            ClassTag<CellRecord> type = ClassTag$.MODULE$.apply(CellRecord.class);
            spark.sc().runJob(rdd.rdd(), new RunPartition(), new AbstractFunction2<Object, CellRecord, BoxedUnit>() {
                @Override
                public BoxedUnit apply(Object index, CellRecord record) {
                    int i = (Integer) index;
                    finished.add(i);
                    PlannedCell cell = cells.get(i);
                    sink.finished(cell, DriverRecords.write(SweepEngine.cellFolder(sweep, cell.id()), record));
                    if (sink.stopping()) {
                        spark.sc().cancelJobGroup(JOB_GROUP);
                    }
                    return BoxedUnit.UNIT;
                }
            }, type);
        } catch (RuntimeException e) {
            if (!sink.stopping()) {
                throw new RunFailedException("the Spark job stopped: " + rootMessage(e)
                        + "; the cells that finished are recorded, run the sweep again to go on", e);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        String first = e.getMessage();
        int line = first == null ? -1 : first.indexOf('\n');
        return line < 0 ? String.valueOf(first) : first.substring(0, line);
    }

    /** The task: runs the partition's cells on the executor with the task's cores. */
    private static final class RunPartition extends AbstractFunction2<TaskContext, Iterator<CellTask>, CellRecord>
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public CellRecord apply(TaskContext context, Iterator<CellTask> partition) {
            return ExecutorCells.run(partition.next(), Math.max(1, context.cpus()));
        }
    }
}
