package com.myagents.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void decodesAGeneratedKeyOf256Bits() {
        assertThat(Keys.decode(Keys.generate())).hasSize(32);
    }

    @Test
    void decodesUrlSafeBase64Too() {
        byte[] key = new byte[40];
        key[0] = (byte) 0xfb;
        key[1] = (byte) 0xff;

        assertThat(Keys.decode(Base64.getUrlEncoder().encodeToString(key))).isEqualTo(key);
    }

    @Test
    void refusesAShortKeyNamingTheMinimum() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> Keys.decode(short16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes")
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void refusesMissingOrMalformedKeys() {
        assertThatThrownBy(() -> Keys.decode(null)).hasMessageContaining("no HMAC key");
        assertThatThrownBy(() -> Keys.decode("")).hasMessageContaining("no HMAC key");
        assertThatThrownBy(() -> Keys.decode("not base64 at all!")).hasMessageContaining("not valid base64");
    }
}
