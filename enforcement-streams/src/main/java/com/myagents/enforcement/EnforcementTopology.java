package com.myagents.enforcement;

import static com.myagents.enforcement.stages.DeliverableStage.APPROVALS_STORE;
import static com.myagents.enforcement.stages.DeliverableStage.DECIDED_STORE;
import static com.myagents.enforcement.stages.SubscriptionStage.SUBSCRIPTIONS_STORE;
import static com.myagents.enforcement.stages.SubscriptionStage.TRIAL_USAGE_STORE;
import static com.myagents.enforcement.stages.SubscriptionStage.USED_APPROVALS_STORE;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.enforcement.policy.TrialUsage;
import com.myagents.enforcement.policy.UsedApproval;
import com.myagents.enforcement.stages.Decided;
import com.myagents.enforcement.stages.DeliverableStage;
import com.myagents.enforcement.stages.Evaluated;
import com.myagents.enforcement.stages.Pending;
import com.myagents.enforcement.stages.SubscriptionStage;

/**
 * Execution requests in, exactly one decision per correlation id out, in two stages:
 * <ol>
 * <li>by deliverable (the requests' key, co-partitioned with the approvals table): once per
 * correlation id, well-formed, known action, matching approved unexpired approval, unchanged payload;
 * <li>by subscription (repartitioned, co-partitioned with the subscriptions table): approval not
 * used yet, subscription active, trial open, action allowed in trial, daily trial cap reserved.
 * </ol>
 * Every decision goes to the decisions topic (by correlation_id); a denial also to the denials
 * topic (by subscription_id), an allow to the commands topic (by deliverable_id), signed.
 */
public final class EnforcementTopology {

    static final String BY_SUBSCRIPTION = "requests-by-subscription";

    private EnforcementTopology() {
    }

    public static Topology build(EnforcementSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, settings);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, EnforcementSettings settings) {
        StoreKind stores = settings.stores();
        table(builder, Topics.APPROVALS, stores, APPROVALS_STORE);
        table(builder, Topics.SUBSCRIPTIONS, stores, SUBSCRIPTIONS_STORE);
        store(builder, stores, DECIDED_STORE, Serdes.Long());
        store(builder, stores, USED_APPROVALS_STORE, new JsonSerde<>(UsedApproval.class, "enforcement-used-approval", 1));
        store(builder, stores, TRIAL_USAGE_STORE, new JsonSerde<>(TrialUsage.class, "enforcement-trial-usage", 1));

        Map<String, KStream<String, Evaluated>> firstStage = builder
                .stream(Topics.EXECUTION_REQUESTS.name(), Topics.EXECUTION_REQUESTS.consumed().withName("execution-requests"))
                .process(() -> new DeliverableStage(settings.memory(), settings.purgeInterval()),
                        Named.as("deliverable-stage"), DECIDED_STORE, APPROVALS_STORE)
                .split(Named.as("deliverable-stage-result-"))
                .branch((key, evaluated) -> evaluated instanceof Decided, Branched.as("decided"))
                .defaultBranch(Branched.as("pending"));

        publish(firstStage.get("deliverable-stage-result-decided").mapValues(evaluated -> (Decided) evaluated),
                settings.signer(), "deliverable-stage");

        KStream<String, Decided> secondStage = firstStage.get("deliverable-stage-result-pending")
                .map((key, evaluated) -> KeyValue.pair(((Pending) evaluated).request().subscriptionId(), (Pending) evaluated),
                        Named.as("key-by-subscription"))
                .repartition(Repartitioned.<String, Pending>as(BY_SUBSCRIPTION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Pending.SERDE)
                        .withNumberOfPartitions(Topics.SUBSCRIPTIONS.partitions()))
                .process(() -> new SubscriptionStage(settings.memory(), settings.purgeInterval()),
                        Named.as("subscription-stage"), USED_APPROVALS_STORE, SUBSCRIPTIONS_STORE, TRIAL_USAGE_STORE);
        publish(secondStage, settings.signer(), "subscription-stage");
    }

    private static void publish(KStream<String, Decided> decided, CommandSigner signer, String stage) {
        decided.map((key, d) -> KeyValue.pair(d.decision().correlationId(), d.decision()), Named.as(stage + "-decision"))
                .to(Topics.EXECUTION_DECISIONS.name(), Topics.EXECUTION_DECISIONS.produced().withName(stage + "-decisions"));
        decided.split(Named.as(stage + "-outcome-"))
                .branch((key, d) -> d.decision().allowed(), Branched.withConsumer(allowed -> allowed
                        .map((key, d) -> KeyValue.pair(d.request().deliverableId(), signer.sign(d.command())),
                                Named.as(stage + "-command"))
                        .to(Topics.EXECUTION_COMMANDS.name(), Topics.EXECUTION_COMMANDS.produced().withName(stage + "-commands")),
                        "allowed"))
                .defaultBranch(Branched.withConsumer(denied -> denied
                        .map((key, d) -> KeyValue.pair(d.decision().subscriptionId(), d.denial()), Named.as(stage + "-denial"))
                        .to(Topics.ENFORCEMENT_DENIALS.name(), Topics.ENFORCEMENT_DENIALS.produced().withName(stage + "-denials")),
                        "denied"));
    }

    private static <V> void table(StreamsBuilder builder, Topic<String, V> topic, StoreKind stores, String storeName) {
        builder.table(topic.name(), topic.consumed().withName(storeName + "-source"),
                Materialized.<String, V>as(stores.table(storeName))
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }

    private static <V> void store(StreamsBuilder builder, StoreKind stores, String name, Serde<V> valueSerde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.keyValue(name), Serdes.String(), valueSerde));
    }
}
