package com.myagents.cp.ui;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /} is the app's index page, or a plain note when this build carries no UI. */
@RestController
public class UiRootController {

    static final String NO_UI = """
            cp-backend is running, but this build packages no CP UI (classpath:/ui/cp/index.html).
            Build the frontend module to add it. The API is at /api/cp/, health at /actuator/health.
            """;

    private final Resource index;

    public UiRootController() {
        this(new ClassPathResource("ui/cp/" + SinglePageApp.INDEX));
    }

    UiRootController(Resource index) {
        this.index = index;
    }

    @GetMapping("/")
    public ResponseEntity<?> root() {
        if (index.isReadable()) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(index);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(NO_UI);
    }
}
