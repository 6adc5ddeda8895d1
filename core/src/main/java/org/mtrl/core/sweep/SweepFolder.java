package org.mtrl.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mtrl.core.config.ConfigException;
import org.mtrl.core.config.ConfigResolver;
import org.mtrl.core.config.ConfigTrees;
import org.mtrl.core.record.Folders;

/**
 * A sweep folder owned by this process: one process at a time (an operating-system lock on
 * {@value #LOCK}, released when the process ends however it ends), and one sweep per folder. A sweep
 * started on a folder that holds another is refused unless it only adds cells and says so
 * ({@code --extend}): a folder's tables never lose a finished cell to a later command.
 */
public final class SweepFolder implements AutoCloseable {
    /** The lock file; it stays in the folder (deleting it would let two processes lock two files). */
    public static final String LOCK = "sweep.lock";
    private static final int DIFFERENCES_SHOWN = 3;

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;
    /** Whether claiming created the folder: then a sweep refused before writing anything leaves none. */
    private final boolean created;

    private SweepFolder(Path folder, FileChannel channel, FileLock lock, boolean created) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /**
     * Creates {@code folder} if needed and locks it for this process.
     *
     * @throws ConfigException      if another process (or another sweep of this one) holds it
     * @throws UncheckedIOException if it cannot be created or locked
     */
    public static SweepFolder claim(Path folder) {
        FileChannel channel = null;
        boolean created = !Files.isDirectory(folder);
        try {
            Folders.create(folder);
            channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new SweepFolder(folder, channel, lock, created);
            }
        } catch (OverlappingFileLockException e) {
            // held by another sweep of this process: the same answer as for another process
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot use the sweep folder " + folder + ": " + Folders.reason(e), e);
        }
        closeQuietly(channel);
        throw new ConfigException("--output", folder + " is in use: another mtrl process holds its lock ("
                + folder.resolve(LOCK) + ") and is running a sweep there; wait for it to end, or give another --output");
    }

    /**
     * The sweep to run here: {@code requested} on a new folder or one holding the same sweep (its
     * finished cells are reused); with {@code extend}, the folder's sweep with the grid grown to hold
     * {@code requested}'s cells as well, and its threshold search given the larger max or smaller ratio
     * of {@code requested}'s ({@link ThresholdSearch#continues}).
     *
     * @throws ConfigException if the folder holds a sweep of another base configuration, other derived
     *                         values or another search (one that {@code requested}'s continues, unless
     *                         {@code extend}), or another grid and {@code extend} is false, or one that
     *                         cannot grow to hold both
     */
    public SweepDefinition reconcile(SweepDefinition requested, boolean extend, ConfigResolver resolver) {
        if (!SweepDefinition.isSweep(folder)) {
            return requested;
        }
        SweepDefinition held = SweepDefinition.read(folder);
        JsonNode figures = requested.figures() != null ? requested.figures() : held.figures();
        boolean sameDerived = held.derived().equals(requested.derived());
        boolean sameSearch = Objects.equals(held.search(), requested.search());
        boolean continued = !sameSearch && held.search() != null && requested.search() != null
                && requested.search().continues(held.search());
        if (!sameDerived || !sameSearch && !(continued && extend)) {
            throw new ConfigException("--output", folder + " holds a sweep with other derived values or another "
                    + "threshold search (there: " + held.derived().expressions() + ", "
                    + (held.search() == null ? "no search" : held.search().toBlock()) + "); "
                    + (sameDerived && continued ? "pass --extend to continue its searches up to this max and ratio "
                    + "(its finished cells are kept), or give another --output" : "give another --output"));
        }
        held = new SweepDefinition(held.base(), held.overrides(), held.spec(), figures, held.derived(),
                requested.search()); // the folder's search, or one continuing it
        Set<String> heldCells = ids(resolver, held);
        Set<String> requestedCells = ids(resolver, requested);
        if (heldCells.equals(requestedCells)) {
            return held; // the same cells, however the command line wrote them
        }
        JsonNode heldBase = resolver.resolve(held.base().deepCopy()).tree();
        JsonNode requestedBase = resolver.resolve(requested.base().deepCopy()).tree();
        if (!heldBase.equals(requestedBase) || !held.overrides().equals(requested.overrides())) {
            throw new ConfigException("--output", folder + " holds a sweep of another base configuration ("
                    + differences(heldBase, requestedBase, held.overrides(), requested.overrides())
                    + "); give another --output for this one, or, to add values to the folder's sweep, "
                    + "sweep the key as an axis with --extend (e.g. model.loss=logistic,hinge --extend)");
        }
        String grids = "its grid is " + held.spec().toBlock() + ", this sweep's " + requested.spec().toBlock();
        if (!extend) {
            throw new ConfigException("--output", folder + " holds another grid of this configuration (" + grids
                    + "); pass --extend to add this sweep's cells to the folder's (its finished cells are kept), "
                    + "or give another --output");
        }
        long baseSeed = held.base().path("seed").asLong(1);
        SweepDefinition grown = held.withSpec(held.spec().union(requested.spec(), baseSeed));
        Set<String> grownCells = ids(resolver, grown);
        if (!grownCells.containsAll(heldCells) || !grownCells.containsAll(requestedCells)) {
            throw new ConfigException("--extend", "cannot extend " + folder + " (" + grids + "): the grown grid "
                    + grown.spec().toBlock() + " lacks some of their cells; an axis that only one of them sweeps "
                    + "must list the value the other's cells have");
        }
        return grown;
    }

    private static Set<String> ids(ConfigResolver resolver, SweepDefinition definition) {
        Set<String> ids = new HashSet<>();
        SweepPlan.resolve(resolver, definition).forEach(p -> ids.add(p.id()));
        return ids;
    }

    /** The first few keys whose values differ, as {@code key: here, there}. */
    private static String differences(JsonNode held, JsonNode requested, List<String> heldOverrides,
                                      List<String> requestedOverrides) {
        Map<String, String> heldValues = new TreeMap<>();
        Map<String, String> requestedValues = new TreeMap<>();
        flatten("", held, heldValues);
        flatten("", requested, requestedValues);
        Set<String> keys = new java.util.TreeSet<>(heldValues.keySet());
        keys.addAll(requestedValues.keySet());
        List<String> shown = new ArrayList<>();
        for (String key : keys) {
            String there = heldValues.getOrDefault(key, "(not set)");
            String here = requestedValues.getOrDefault(key, "(not set)");
            if (!there.equals(here) && shown.size() < DIFFERENCES_SHOWN) {
                shown.add(key + " is " + there + " there, " + here + " here");
            }
        }
        if (shown.isEmpty()) {
            shown.add("overrides " + heldOverrides + " there, " + requestedOverrides + " here");
        }
        return String.join("; ", shown);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else {
            into.put(prefix, ConfigTrees.toJson(node).replaceAll("\\s+", " "));
        }
    }

    /**
     * Releases the lock (the operating system also releases it when the process ends); a folder this
     * claim created and nothing else was written to is removed.
     */
    @Override
    public void close() {
        try {
            if (created) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.allMatch(p -> p.getFileName().toString().equals(LOCK))) {
                        Files.delete(folder.resolve(LOCK));
                        Files.delete(folder);
                    }
                }
            }
        } catch (IOException e) {
            // an empty folder left behind is clutter, not a wrong result
        }
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it; closing cannot lose data
        }
    }
}
