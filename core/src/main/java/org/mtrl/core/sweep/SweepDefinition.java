package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.record.AtomicFiles;

/**
 * What a sweep folder's {@code sweep.yaml} holds, enough to resume it: the resolved base configuration,
 * the grid, and the figures its report draws (passed through as given).
 *
 * @param figures a list of figure settings, or null
 */
public record SweepDefinition(ObjectNode base, SweepSpec spec, JsonNode figures) {
    public static final String FILE = "sweep.yaml";
    /** The folder of the cells, each named by the hash of its resolved configuration. */
    public static final String CELLS = "cells";
    public static final String FIGURES = "figures";
    private static final String BASE = "base";

    /** Whether {@code folder} is a sweep folder. */
    public static boolean isSweep(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    public static SweepDefinition read(Path folder) {
        ObjectNode tree = ConfigTrees.read(folder.resolve(FILE));
        JsonNode base = tree.get(BASE);
        if (base == null || !base.isObject()) {
            throw new ConfigException(BASE, folder.resolve(FILE) + " has no 'base' configuration");
        }
        JsonNode figures = tree.get(FIGURES);
        return new SweepDefinition((ObjectNode) base, SweepSpec.fromBlock(tree.get(SweepSpec.BLOCK)),
                figures == null || figures.isNull() ? null : figures);
    }

    public void write(Path folder) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set(BASE, base);
        tree.set(SweepSpec.BLOCK, spec.toBlock());
        if (figures != null) {
            tree.set(FIGURES, figures);
        }
        AtomicFiles.write(folder.resolve(FILE), ConfigTrees.toYaml(tree));
    }
}
