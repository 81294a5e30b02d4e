package com.myagents.http.identity;

/** Names every hop agrees on: who issues tokens for whom, and the headers that carry them. */
public final class Hops {

    public static final String GATEWAY_AUDIENCE = "gateway";
    public static final String PLANT_AUDIENCE = "ingest-api";
    public static final String GATEWAY_ISSUER = "gateway";
    public static final String CP_ISSUER = "cp-backend";
    public static final String PP_ISSUER = "pp-backend";
    public static final String PLANT_IDENTITY_HEADER = "X-Plant-Identity";
    public static final String CORRELATION_HEADER = "X-Correlation-ID";
    /** From a door to the gateway: the id the browser offered, for the access record only. */
    public static final String CLIENT_CORRELATION_HEADER = "X-Client-Correlation-ID";

    private Hops() {
    }
}
