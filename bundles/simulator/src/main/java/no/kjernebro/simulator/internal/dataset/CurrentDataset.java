package no.kjernebro.simulator.internal.dataset;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The dataset the simulator serves now. A reload reads and validates the configured file first and
 * only then swaps, so a broken file leaves the running dataset untouched.
 */
public final class CurrentDataset implements Supplier<Dataset> {

    private final String path;
    private final AtomicReference<Dataset> current;

    /** @param path the configured dataset file; null or blank for the packaged default */
    public CurrentDataset(String path, Dataset initial) {
        this.path = path;
        this.current = new AtomicReference<>(initial);
    }

    /** A holder for a fixed dataset (tests); a reload re-reads the packaged default. */
    public static CurrentDataset of(Dataset dataset) {
        return new CurrentDataset(null, dataset);
    }

    @Override
    public Dataset get() {
        return current.get();
    }

    /**
     * Re-reads the configured file.
     *
     * @throws DatasetException naming every problem; the old dataset stays in place
     */
    public Dataset reload() {
        Dataset fresh = DatasetLoader.load(path);
        current.set(fresh);
        return fresh;
    }

    /** Where a reload reads from. */
    public String source() {
        return path == null || path.isBlank() ? "bundle:" + DatasetLoader.DEFAULT_RESOURCE : path.trim();
    }
}
