package com.myagents.connectors.delta;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.market.MarkPricePublisher;
import com.myagents.connectors.support.StubPlatforms;
import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.Topics;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.testsupport.SharedTestInfra;
import com.myagents.testsupport.TopicReader;

/** The mark prices the trading planner prices market orders with, read from Delta's public ticker. */
class DeltaMarkPricesTest {

    static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");

    final StubPlatforms platforms = StubPlatforms.shared();
    final DeltaTickers tickers = new DeltaTickers(new DeltaRequests(platforms.uri(), "myagents-test",
            Clock.fixed(NOW, ZoneOffset.UTC)), new Transport(Duration.ofSeconds(5)));

    @BeforeEach
    void reset() {
        platforms.reset();
    }

    void tickerAnswers(String symbol, int status, String body) {
        platforms.server().stubFor(get(urlEqualTo("/v2/tickers/" + symbol)).willReturn(StubPlatforms.json(status, body)));
    }

    @Test
    void readsTheMarkPriceOfAProductFromThePublicTickerWithoutACredential() {
        tickerAnswers("BTCUSD", 200, """
                {"success":true,"result":{"symbol":"BTCUSD","mark_price":"101234.5","close":101200}}""");

        MarkPrice price = tickers.markPrice("BTCUSD");

        assertThat(price).isEqualTo(new MarkPrice("BTCUSD", "101234.5", "delta_exchange_india", NOW));
        assertThat(price.value()).isEqualByComparingTo(new BigDecimal("101234.5"));
        List<LoggedRequest> sent = platforms.allRequests();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).containsHeader("api-key")).isFalse();
        assertThat(sent.get(0).getHeader("User-Agent")).isEqualTo("myagents-test");
    }

    @Test
    void anUnknownProductATickerWithoutAPositivePriceOrAMalformedSymbolGiveNoPrice() {
        tickerAnswers("NOPEUSD", 404, """
                {"success":false,"error":{"code":"not_found"}}""");
        tickerAnswers("ETHUSD", 200, """
                {"success":true,"result":{"symbol":"ETHUSD","mark_price":null}}""");
        tickerAnswers("SOLUSD", 200, """
                {"success":true,"result":{"symbol":"SOLUSD","mark_price":"0"}}""");

        assertThatThrownBy(() -> tickers.markPrice("NOPEUSD")).isInstanceOf(DeltaTickers.PriceUnavailable.class)
                .hasMessageContaining("404");
        assertThatThrownBy(() -> tickers.markPrice("ETHUSD")).isInstanceOf(DeltaTickers.PriceUnavailable.class);
        assertThatThrownBy(() -> tickers.markPrice("SOLUSD")).isInstanceOf(DeltaTickers.PriceUnavailable.class);
        assertThatThrownBy(() -> tickers.markPrice("../v2/orders")).isInstanceOf(DeltaTickers.PriceUnavailable.class);
        assertThat(platforms.allRequests()).hasSize(3);
    }

    @Test
    void theConfiguredProductsPricesArePublishedToTheMarkPricesTopicAndOneWithoutAPriceIsSkipped() {
        String bootstrap = SharedTestInfra.kafkaBootstrapServers();
        TopicProvisioner.ensureTopics(bootstrap, (short) 1);
        String price = ThreadLocalRandom.current().nextInt(50_000, 150_000) + ".5";
        tickerAnswers("BTCUSD", 200, "{\"success\":true,\"result\":{\"mark_price\":\"" + price + "\"}}");
        tickerAnswers("NOPEUSD", 404, "{\"success\":false}");
        MarkPricePublisher publisher = new MarkPricePublisher(tickers, List.of("NOPEUSD", "BTCUSD"), Duration.ofHours(1),
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap));

        List<MarkPrice> published;
        publisher.start();
        try (var reader = TopicReader.values(Topics.MARK_PRICES, p -> price.equals(p.markPrice()))) {
            published = reader.readUntil(seen -> !seen.isEmpty(), Duration.ofSeconds(30));
        } finally {
            publisher.stop();
        }

        assertThat(published).containsExactly(new MarkPrice("BTCUSD", price, "delta_exchange_india", NOW));
        assertThat(publisher.isRunning()).isFalse();
    }

    @Test
    void withNoProductsConfiguredNothingRuns() {
        MarkPricePublisher idle = new MarkPricePublisher(tickers, List.of(), Duration.ofSeconds(1),
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"));

        idle.start();

        assertThat(idle.isRunning()).isFalse();
        assertThat(platforms.allRequests()).isEmpty();
    }
}
