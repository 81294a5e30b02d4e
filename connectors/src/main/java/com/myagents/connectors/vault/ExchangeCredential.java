package com.myagents.connectors.vault;

/** A Delta Exchange India API key and secret. */
public record ExchangeCredential(String credentialRef, String exchangeProvider, String apiKey, String apiSecret)
        implements Credential {

    @Override
    public String toString() {
        return "ExchangeCredential[" + credentialRef + ", " + exchangeProvider + ", keys=<hidden>]";
    }
}
