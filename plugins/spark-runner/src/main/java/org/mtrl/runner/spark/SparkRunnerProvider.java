package org.mtrl.runner.spark;

import org.mtrl.core.sweep.CellRunner;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.sweep.CellRunnerOptions;
import org.mtrl.core.sweep.CellRunnerProvider;

/** {@code --runner spark}: sweep cells as tasks of an Apache Spark job. */
public final class SparkRunnerProvider implements CellRunnerProvider {
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Apache Spark: one task per cell on a local[N] or spark://host:port master (--master)";
    }

    @Override
    public CellRunner create(CellRunnerOptions options) {
        if (options.cellTimeout() != null) {
            throw new ConfigException("--cell-timeout", "the spark runner does not bound a cell's time; "
                    + "use the local runner, or Spark's own task time limits");
        }
        return new SparkCellRunner(SparkSettings.of(options.master(), options.pluginsDir()));
    }
}
