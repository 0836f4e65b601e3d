package io.getaways;

import io.getaways.platform.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableAsync
@EnableScheduling
public class GetawaysApplication {

	public static void main(String[] args) {
		if (CommandLine.isServe(args)) {
			SpringApplication.run(GetawaysApplication.class, CommandLine.serveArguments(args));
		}
		else {
			System.exit(CommandLine.run(args));
		}
	}

}
