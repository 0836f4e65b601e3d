package io.getaways.platform.web;

import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Template fragments rendered once per distinct model, for the parts of a page that are a
 * pure function of data every visitor sees alike (the home page's result cards). The
 * page's data is still read on every request, so nothing shown is staler than a fresh
 * render: only when the model equals one rendered before is that HTML written again. On
 * the home page, rendering twenty cards was about two thirds of the page's CPU (bench/run
 * web, JFR). The model's values must be immutable and compare by value (records, lists,
 * strings), and must not hold anything personal: one visitor's HTML is served to others.
 */
@Component
public class RenderedFragments {

	private final SpringTemplateEngine templates;

	private final JakartaServletWebApplication application;

	private final ApplicationContext context;

	private final ConversionService conversions;

	private final Cache<Key, String> rendered;

	RenderedFragments(SpringTemplateEngine templates, ServletContext servletContext, ApplicationContext context,
			@Qualifier("mvcConversionService") ConversionService conversions, MeterRegistry registry) {
		this.templates = templates;
		this.application = JakartaServletWebApplication.buildApplication(servletContext);
		this.context = context;
		this.conversions = conversions;
		this.rendered = Caffeine.newBuilder().maximumSize(500).recordStats().build();
		CaffeineCacheMetrics.monitor(registry, rendered, "page-fragments");
	}

	private record Key(String template, String fragment, Map<String, Object> model) {
	}

	/**
	 * The HTML of {@code fragment} in {@code template} over {@code model}, rendered for
	 * this request's context path when no equal model was rendered before.
	 */
	public String render(String template, String fragment, Map<String, Object> model, HttpServletRequest request,
			HttpServletResponse response) {
		return rendered.get(new Key(template, fragment, Map.copyOf(model)), key -> {
			WebContext page = new WebContext(application.buildExchange(request, response));
			page.setVariables(key.model());
			// what lets fragments call beans such as @pageFormats, as a view's render
			// does;
			// one per render, since Thymeleaf sets expression objects on it as it goes
			page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
					new ThymeleafEvaluationContext(context, conversions));
			return templates.process(key.template(), Set.of(key.fragment()), page);
		});
	}

}
