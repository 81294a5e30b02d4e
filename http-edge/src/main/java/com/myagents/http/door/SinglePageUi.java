package com.myagents.http.door;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the door's app that the frontend build packs into {@link Door#uiLocation()}. */
@Configuration(proxyBeanMethods = false)
public class SinglePageUi implements WebMvcConfigurer {

    private final Door door;

    public SinglePageUi(Door door) {
        this.door = door;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(door.uiLocation())
                .resourceChain(false)
                .addResolver(new SinglePageApp());
    }

    @Bean
    public UiRootController uiRootController() {
        return new UiRootController(door);
    }
}
