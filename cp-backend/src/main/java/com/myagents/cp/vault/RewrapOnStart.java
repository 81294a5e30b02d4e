package com.myagents.cp.vault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After a key change, old rows are re-wrapped in the background while the app already serves. */
@Component
public record RewrapOnStart(VaultProperties properties, KeyRotation rotation) {

    private static final Logger log = LoggerFactory.getLogger(RewrapOnStart.class);

    @EventListener(ApplicationReadyEvent.class)
    public void rewrapIfNeeded() {
        if (!properties.rewrapOnStart() || !rotation.anyStaleEntries()) {
            return;
        }
        Thread worker = new Thread(this::run, "vault-rewrap");
        worker.setDaemon(true);
        worker.start();
    }

    void run() {
        try {
            rotation.rewrapStaleEntries();
        } catch (RuntimeException e) {
            log.error("vault re-wrap stopped; it runs again at the next start", e);
        }
    }
}
