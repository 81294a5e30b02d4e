package com.myagents.goals.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.myagents.goals.marketing.ContentGenerator;

/**
 * Trading goal runs are deterministic and call no model: the trading agent acts on rules alone. These
 * fail as soon as anything on the trading path can reach a content generator or the marketing package.
 */
class TradingPathIsModelFreeTest {

    static final List<String> FORBIDDEN = List.of("com/myagents/goals/marketing/", "ContentGenerator",
            "java/net/http/", "java/net/URL", "openai", "anthropic");

    @Test
    void noClassOfTheTradingPackageReferencesAContentGeneratorTheMarketingPackageOrANetworkClient() throws Exception {
        List<Path> classes = tradingClassFiles();
        assertThat(classes).as("the trading classes were found").hasSizeGreaterThan(5);

        for (Path classFile : classes) {
            String constantPool = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            for (String forbidden : FORBIDDEN) {
                assertThat(constantPool).as("%s must not reference %s", classFile.getFileName(), forbidden)
                        .doesNotContainIgnoringCase(forbidden);
            }
        }
    }

    @Test
    void theTradingPlannerHasNoDependencyThatCouldBeAContentGenerator() {
        for (Constructor<?> constructor : TradingPlanner.class.getDeclaredConstructors()) {
            assertThat(constructor.getParameterCount()).as("TradingPlanner takes no collaborators").isZero();
        }
        for (Field field : TradingPlanner.class.getDeclaredFields()) {
            assertThat(ContentGenerator.class.isAssignableFrom(field.getType())).isFalse();
            assertThat(field.getType()).isNotEqualTo(Object.class);
        }
        assertThat(Stream.of(GuardrailReporter.class.getDeclaredConstructors())
                .flatMap(c -> Stream.of(c.getParameterTypes()))
                .noneMatch(ContentGenerator.class::isAssignableFrom)).isTrue();
    }

    @Test
    void theCheckItselfWouldCatchAContentGeneratorReference() throws IOException {
        try (InputStream marketing = ContentGenerator.class.getResourceAsStream("/com/myagents/goals/marketing/MarketingPlanner.class")) {
            String constantPool = new String(marketing.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(constantPool).contains("ContentGenerator");
        }
    }

    private static List<Path> tradingClassFiles() throws URISyntaxException, IOException {
        Path dir = Path.of(TradingPlanner.class.getResource("TradingPlanner.class").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).filter(f -> !f.getFileName().toString().endsWith("Test.class"))
                    .toList();
        }
    }
}
