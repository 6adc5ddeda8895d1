package org.mtrl.runner.spark;

import java.nio.file.Path;
import java.util.Map;
import org.mtrl.core.record.AtomicFiles;
import org.mtrl.core.record.RunRecord;
import org.mtrl.core.sweep.CellResult;

/** Writes a cell's record, as an executor sent it, into the cell's folder of the sweep. */
final class DriverRecords {
    private DriverRecords() {
    }

    /**
     * Writes every file atomically, {@code provenance.json} last (a reader takes a cell as finished only
     * once it says so), and returns what the written record says.
     */
    static CellResult write(Path folder, CellRecord record) {
        for (Map.Entry<String, String> file : record.files().entrySet()) {
            if (!file.getKey().equals(RunRecord.PROVENANCE)) {
                AtomicFiles.write(folder.resolve(file.getKey()), file.getValue());
            }
        }
        String provenance = record.files().get(RunRecord.PROVENANCE);
        if (provenance != null) {
            AtomicFiles.write(folder.resolve(RunRecord.PROVENANCE), provenance);
        }
        return CellResult.read(folder).orElse(CellResult.failed(record.error() != null ? record.error()
                : "the executor's record of the cell cannot be read", record.wallSeconds()));
    }
}
