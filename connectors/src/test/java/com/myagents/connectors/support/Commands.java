package com.myagents.connectors.support;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.signing.CommandSigner;

/** Commands as enforcement issues them: fresh ids, signed with the test signing key. */
public final class Commands {

    public static final byte[] SIGNING_KEY = randomKey();
    public static final String SIGNING_KEY_BASE64 = Base64.getEncoder().encodeToString(SIGNING_KEY);
    public static final CommandSigner SIGNER = new CommandSigner(SIGNING_KEY);
    public static final String CUSTOMER_ID = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private static long offsets = 1_000;

    private Commands() {
    }

    public static ExecutionCommand signed(String hiredInstanceId, String action, Map<String, Object> payload) {
        return SIGNER.sign(unsigned(hiredInstanceId, action, payload));
    }

    public static ExecutionCommand unsigned(String hiredInstanceId, String action, Map<String, Object> payload) {
        String correlationId = UUID.randomUUID().toString();
        return new ExecutionCommand(UUID.randomUUID().toString(), correlationId, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), CUSTOMER_ID, hiredInstanceId, action,
                UUID.randomUUID().toString(), UUID.randomUUID().toString().replace("-", ""), payload,
                Instant.parse("2026-11-27T09:00:00Z"), null);
    }

    public static Map<String, Object> linkedInPost(String text) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("platform", "linkedin");
        payload.put("text", text);
        payload.put("hashtags", List.of("#health"));
        return payload;
    }

    public static Map<String, Object> xPost(String text) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("platform", "x");
        payload.put("text", text);
        return payload;
    }

    /** A post for {@code platform}, with the media-library image {@code mediaId} attached when not null. */
    public static Map<String, Object> post(String platform, String text, String mediaId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("platform", platform);
        payload.put("text", text);
        if (mediaId != null) {
            payload.put("image", Map.of("media_id", mediaId));
        }
        return payload;
    }

    /** The same command, marked as published by hand by the customer (as enforcement signs it). */
    public static ExecutionCommand manual(ExecutionCommand c, String postedUrl) {
        return SIGNER.sign(new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(),
                c.subscriptionId(), c.customerId(), c.hiredInstanceId(), c.action(), c.approvalId(), c.idempotencyKey(),
                c.payload(), c.issuedAt(), null, new com.myagents.contracts.execution.ManualPublication(postedUrl)));
    }

    /** The goal runner's trade-intent plan shape: the order under {@code order}. */
    public static Map<String, Object> tradeIntent(String symbol, long size, String side, String orderType,
            String limitPrice) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", symbol);
        order.put("size", size);
        order.put("side", side);
        order.put("order_type", orderType);
        if (limitPrice != null) {
            order.put("limit_price", limitPrice);
        }
        order.put("reduce_only", false);
        order.put("client_order_id", "approved-plan-id");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("plan_version", "trading.delta_futures.v1/plan-1");
        payload.put("coin", symbol.replace("USD", ""));
        payload.put("order", order);
        return payload;
    }

    public static Map<String, Object> closeProposal(String symbol) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", symbol);
        order.put("order_type", "market_order");
        order.put("reduce_only", true);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", "close_position");
        payload.put("close_scope", "entire_open_position");
        payload.put("order", order);
        return payload;
    }

    /** The command as the consumer would receive it from the commands topic. */
    public static ConsumerRecord<String, byte[]> record(ExecutionCommand command) {
        byte[] bytes = Topics.EXECUTION_COMMANDS.valueSerde().serializer()
                .serialize(Topics.EXECUTION_COMMANDS.name(), command);
        return record(command.deliverableId(), bytes);
    }

    public static synchronized ConsumerRecord<String, byte[]> record(String key, byte[] bytes) {
        return new ConsumerRecord<>(Topics.EXECUTION_COMMANDS.name(), 3, offsets++, key, bytes);
    }

    public static ExecutionCommand withPayload(ExecutionCommand c, Map<String, Object> payload) {
        return new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(),
                c.subscriptionId(), c.customerId(), c.hiredInstanceId(), c.action(), c.approvalId(), c.idempotencyKey(),
                payload, c.issuedAt(), c.signature());
    }

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
