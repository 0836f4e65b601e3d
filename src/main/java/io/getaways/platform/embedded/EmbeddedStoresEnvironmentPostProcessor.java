package io.getaways.platform.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Embedded mode: for every store the configuration leaves unset, start an embedded server
 * over the data directory and fill in Spring Boot's standard connection properties,
 * before any auto-configuration reads them. A store given by configuration is used as it
 * is, so the rest of the application never knows which mode it runs in.
 */
public class EmbeddedStoresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	public static final String DATA_DIR = "getaways.data-dir";

	private static final String PROPERTY_SOURCE = "getawaysEmbeddedStores";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE)
				|| !environment.getProperty("getaways.embedded.enabled", Boolean.class, true)) {
			return;
		}
		Set<EmbeddedStores.Store> wanted = wantedStores(environment);
		if (wanted.isEmpty()) {
			return;
		}
		Path dataDir = dataDirectory(environment);
		EmbeddedSettings settings = EmbeddedSettings.from(environment);
		EmbeddedStores stores = EmbeddedStores.acquire(dataDir, wanted, settings);
		Map<String, Object> properties = new HashMap<>(stores.connectionProperties(settings));
		properties.keySet().removeIf(name -> !isFor(name, wanted));
		if (wanted.contains(EmbeddedStores.Store.POSTGRES)
				&& !environment.containsProperty("getaways.demo-data.enabled")) {
			properties.put("getaways.demo-data.enabled", true);
		}
		if (!has(environment, "getaways.identity.key-encryption-secret")) {
			properties.put("getaways.identity.key-encryption-secret", stores.secret("key-encryption"));
		}
		if (!has(environment, "getaways.crypto.active-key")) {
			Map<String, String> keys = stores.encryptionProperties();
			if (has(environment, "getaways.crypto.index-key")) {
				keys.remove("getaways.crypto.index-key");
			}
			properties.putAll(keys);
			properties.put("getaways.crypto.generated", true);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		application.addInitializers(context -> releaseOnClose(context, stores));
	}

	private static boolean isFor(String property, Set<EmbeddedStores.Store> wanted) {
		if (property.startsWith("spring.mongodb.")) {
			return wanted.contains(EmbeddedStores.Store.MONGO);
		}
		if (property.startsWith("spring.data.redis.")) {
			return wanted.contains(EmbeddedStores.Store.REDIS);
		}
		return wanted.contains(EmbeddedStores.Store.POSTGRES);
	}

	/**
	 * Registered first, so destroyed last: the pools close before the servers under them
	 * stop.
	 */
	private static void releaseOnClose(ConfigurableApplicationContext context, EmbeddedStores stores) {
		if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
			factory.registerSingleton("embeddedStores", stores);
			factory.registerDisposableBean("embeddedStores", stores::close);
		}
	}

	static Path dataDirectory(ConfigurableEnvironment environment) {
		String configured = environment.getProperty(DATA_DIR, "./data");
		return Path.of(configured).toAbsolutePath().normalize();
	}

	private static Set<EmbeddedStores.Store> wantedStores(ConfigurableEnvironment environment) {
		Set<EmbeddedStores.Store> allowed = EnumSet.noneOf(EmbeddedStores.Store.class);
		Arrays.stream(environment.getProperty("getaways.embedded.stores", "postgres,mongo,redis").split(","))
			.map(String::trim)
			.filter(StringUtils::hasText)
			.forEach(name -> allowed.add(EmbeddedStores.Store.valueOf(name.toUpperCase(Locale.ROOT))));
		Set<EmbeddedStores.Store> wanted = EnumSet.noneOf(EmbeddedStores.Store.class);
		for (EmbeddedStores.Store store : allowed) {
			if (!store.isConfigured(environment)) {
				wanted.add(store);
			}
		}
		return wanted;
	}

	private static boolean has(ConfigurableEnvironment environment, String name) {
		return StringUtils.hasText(environment.getProperty(name));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
