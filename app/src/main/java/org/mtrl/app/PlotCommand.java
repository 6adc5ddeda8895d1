package org.mtrl.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtrl plot}: a figure of a sweep, mean and 95% band over seeds, as PNG and SVG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plot a metric of a sweep against a swept key: mean with 95%% bands over seeds, PNG and SVG.")
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP", description = "a sweep folder")
    Path sweep;

    @Option(names = "--x", required = true, paramLabel = "KEY", description = "the swept key on the x axis")
    String x;

    @Option(names = "--y", required = true, paramLabel = "METRIC",
            description = "the metric, e.g. subspace-distance.max; a family such as downstream-linear.accuracy.* "
                    + "is plotted against its numeric suffix; 'threshold' for a threshold search: the estimates "
                    + "on log-log axes with fitted power laws")
    String y;

    @Option(names = "--series", paramLabel = "KEY", description = "a swept key: one line per value")
    String series;

    @Option(names = "--where", paramLabel = "KEY=VALUE", description = "pin another swept key to one value "
            + "(repeatable); every swept key must be --x, --series or pinned")
    List<String> where = new ArrayList<>();

    @Option(names = "--log-x", description = "logarithmic x axis")
    boolean logX;

    @Option(names = "--output", paramLabel = "DIR", description = "folder of the figures (default: SWEEP/figures)")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Figure figure = new Figure(x, y, series, logX, Figure.pins(where));
        Path png = SweepChart.save(Figure.chart(sweep, figure), output != null ? output : sweep.resolve("figures"),
                figure.stem());
        spec.commandLine().getOut().println("figure: " + png + " (and .svg)");
        return ExitCodes.OK;
    }
}
