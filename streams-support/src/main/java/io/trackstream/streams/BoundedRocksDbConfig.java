package io.trackstream.streams;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds the off-heap memory of every RocksDB store of this JVM: one block cache and one write-buffer
 * manager shared by all stores (memtables are charged to the cache), index and filter blocks inside
 * the cache. Without it each store takes its own 50 MB block cache and 3 × 16 MB memtables, and the
 * process grows with the number of stores and partitions. This is the set-up the Kafka Streams
 * memory-management guide gives. Sizes come from the streams configuration
 * ({@value #CACHE_BYTES} and {@value #WRITE_BUFFER_BYTES}); Kafka instantiates this class itself.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    public static final String CACHE_BYTES = "trackstream.rocksdb.cache-bytes";
    public static final String WRITE_BUFFER_BYTES = "trackstream.rocksdb.write-buffer-bytes";

    private static final long DEFAULT_CACHE_BYTES = 64L << 20;
    private static final long DEFAULT_WRITE_BUFFER_BYTES = 16L << 20;
    // Share of the cache kept for index and filter blocks, so data blocks cannot evict them.
    private static final double INDEX_FILTER_RATIO = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(configs));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBufferManager);
        options.setMaxWriteBufferNumber(2);
    }

    private static synchronized Cache sharedCache(Map<String, Object> configs) {
        if (cache == null) {
            long cacheBytes = bytes(configs, CACHE_BYTES, DEFAULT_CACHE_BYTES);
            cache = new LRUCache(cacheBytes, -1, false, INDEX_FILTER_RATIO);
            writeBufferManager = new WriteBufferManager(bytes(configs, WRITE_BUFFER_BYTES, DEFAULT_WRITE_BUFFER_BYTES), cache);
        }
        return cache;
    }

    private static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Long.parseLong(value.toString().trim());
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store and live as long as the JVM.
    }
}
