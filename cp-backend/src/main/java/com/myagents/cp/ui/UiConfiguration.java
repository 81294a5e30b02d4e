package com.myagents.cp.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the CP app the frontend build packs into {@code classpath:/ui/cp/}. */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration implements WebMvcConfigurer {

    public static final String LOCATION = "classpath:/ui/cp/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .resourceChain(false)
                .addResolver(new SinglePageApp());
    }
}
