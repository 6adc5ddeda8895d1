package org.mtrl.core.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.RunConfig;

/**
 * The cells of a sweep's grid, each resolved and named by the hash of its configuration. A cell is its
 * configuration: two grid points that resolve alike ({@code tasks.count=2,2.0}), or that the tables
 * would label alike, are refused, since the tables would count one run as two seeds.
 */
public final class SweepPlan {
    private SweepPlan() {
    }

    /**
     * @throws ConfigException naming the cell, if a cell's configuration cannot resolve or two cells are
     *                         the same
     */
    public static List<PlannedCell> resolve(ConfigResolver resolver, SweepDefinition definition) {
        long baseSeed = definition.base().path("seed").asLong(1);
        List<PlannedCell> plan = new ArrayList<>();
        Map<String, SweepCell> byId = new HashMap<>();
        Map<String, SweepCell> byLabel = new HashMap<>();
        for (SweepCell cell : definition.spec().cells(baseSeed)) {
            PlannedCell planned = plan(resolver, definition, cell);
            String id = planned.id();
            SweepCell same = byId.putIfAbsent(id, cell);
            if (same != null) {
                throw new ConfigException(SweepSpec.BLOCK, "the grid points " + same.describe() + " and "
                        + cell.describe() + " are the same configuration (cell " + id + "), which the tables would "
                        + "count twice; remove the repeated value");
            }
            SweepCell alike = byLabel.putIfAbsent(cell.describe(), cell);
            if (alike != null) {
                throw new ConfigException(SweepSpec.BLOCK, "two grid points read " + cell.describe()
                        + " in the tables; write their values so that they differ");
            }
            plan.add(planned);
        }
        return plan;
    }

    /** One cell, resolved and named. */
    static PlannedCell plan(ConfigResolver resolver, SweepDefinition definition, SweepCell cell) {
        try {
            RunConfig config = resolver.resolve(List.of(definition.base()), definition.overridesOf(cell));
            return new PlannedCell(cell, config, SweepEngine.id(config));
        } catch (ConfigException e) {
            throw inCell(cell, definition.cellOverrides(), e);
        }
    }

    /** {@code e} said of one cell of the grid. */
    static ConfigException inCell(SweepCell cell, ConfigException e) {
        return inCell(cell, List.of(), e);
    }

    /**
     * {@code e} said of one cell of the grid; when it is about one of the overrides every cell applies
     * ({@code shared}), the message names its value too: a type of a type axis that lacks the key.
     */
    static ConfigException inCell(SweepCell cell, List<String> shared, ConfigException e) {
        String problem = e.path().isEmpty() ? e.getMessage() : e.getMessage().substring(e.path().length() + 2);
        String given = shared.stream().filter(o -> o.startsWith(e.path() + "=")).findFirst()
                .map(o -> "the value " + o.substring(e.path().length() + 1) + " given beside the sweep's axes does not "
                        + "apply ")
                .orElse("");
        return new ConfigException(e.path(), given + "in sweep cell " + cell.describe() + ": " + problem);
    }
}
