package io.getaways.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turning the resource chain on (for htmx's pre-compressed copy) also makes Spring Boot
 * register a {@link ResourceUrlEncodingFilter}, which passes every link a template writes
 * through the static resource handler: a link to {@code /trips/CODE} matches its
 * {@code /**} and is looked up, unsuccessfully and uncached, in four classpath folders of
 * the nested jar. That was 45% of the home page's CPU (bench/run web, JFR). All it
 * changed was to put the version into WebJar links, and the version-less paths are served
 * all the same (webjars-locator-lite), so it is registered here switched off, which keeps
 * Spring Boot from adding its own.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
