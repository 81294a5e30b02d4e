package com.myagents.http.door;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /} is the door's app index page, or a plain note when this build carries no UI. */
@RestController
public class UiRootController {

    private final Resource index;
    private final String noUi;

    public UiRootController(Door door) {
        this(door, new ClassPathResource("ui/" + door.name() + "/" + SinglePageApp.INDEX));
    }

    UiRootController(Door door, Resource index) {
        this.index = index;
        this.noUi = """
                %s-backend is running, but this build packages no %s UI (classpath:/ui/%s/index.html).
                Build the frontend module to add it. The API is at %s/, health at /actuator/health.
                """.formatted(door.name(), door.name().toUpperCase(java.util.Locale.ROOT), door.name(), door.apiPrefix());
    }

    @GetMapping("/")
    public ResponseEntity<?> root() {
        if (index.isReadable()) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(index);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(noUi);
    }
}
