package com.myagents.http.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.Principal;

/** The app's routes and files; each door's own test serves them through its real server. */
class SinglePageAppTest {

    static final Door PP = new Door("pp", Principal.Kind.OPERATOR, Hops.PP_ISSUER, Set.of(), List.of());

    @ParameterizedTest
    @ValueSource(strings = {"", "my-agents", "my-agents/h-1/goals", "/login", "agent-types/marketing.healthcare.v1",
            "agent-types/marketing.healthcare.v1/versions/1.0.0"})
    void takesEveryClientRouteDotsIncludedForTheApp(String path) {
        assertThat(SinglePageApp.isClientRoute(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"assets/missing.js", "assets/1.0.0", "api/other/thing", "api", "actuator/health",
            "internal/vault/resolve", "favicon.ico", "app.JS", "x/y.webmanifest"})
    void neverTakesFilesOrServerPathsForTheApp(String path) {
        assertThat(SinglePageApp.isClientRoute(path)).isFalse();
    }

    @Test
    void theRootIsTheIndexPageWhenTheBuildPackedOne() {
        ResponseEntity<?> root = new UiRootController(PP, new ByteArrayResource("<html>pp</html>".getBytes()) {
            @Override
            public boolean isReadable() {
                return true;
            }
        }).root();

        assertThat(root.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_HTML);
        assertThat(root.getHeaders().getCacheControl()).isEqualTo("no-cache");
    }

    @Test
    void saysSoWhenNoUiIsPackaged() {
        ResponseEntity<?> root = new UiRootController(PP, new ClassPathResource("ui/none/index.html")).root();

        assertThat(root.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(root.getBody()).asString().contains("pp-backend is running", "packages no PP UI", "/api/pp/");
        assertThat(PP.uiLocation()).isEqualTo("classpath:/ui/pp/");
        assertThat(new UiRootController(PP).root().getHeaders().getContentType()).isEqualTo(MediaType.TEXT_PLAIN);
    }
}
