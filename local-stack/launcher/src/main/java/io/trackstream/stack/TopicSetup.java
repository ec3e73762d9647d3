package io.trackstream.stack;

import io.trackstream.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the contract's topics ({@link Topics#all()}) idempotently: missing topics are created
 * with their partitions and retention (or compaction); existing ones get it set again. An existing
 * topic is never repartitioned: that would move users to other partitions and break per-user order.
 */
final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** @return the names of the topics this call created */
    static List<String> ensure(Admin admin, Collection<Topics.TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    // replication: the broker's default (1 on the local node, the cluster's own elsewhere)
                    .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                            .configs(configs(spec)))
                    .toList();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // created concurrently by another launcher: fine
                }
            }
            for (Topics.TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    reconcile(admin, spec);
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot prepare Kafka topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing topics", e);
        }
    }

    private static void reconcile(Admin admin, Topics.TopicSpec spec) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(spec.name())).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(spec.name());
        if (description.partitions().size() != spec.partitions()) {
            log.warn("topic {} has {} partitions where the contract says {}; left as it is (repartitioning moves users between partitions)",
                    spec.name(), description.partitions().size(), spec.partitions());
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        List<AlterConfigOp> ops = configs(spec).entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
        admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(30, TimeUnit.SECONDS);
    }

    // A compacted topic keeps the latest record per key for ever; only a deleting topic has a retention.
    private static Map<String, String> configs(Topics.TopicSpec spec) {
        return spec.compacted()
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()));
    }
}
