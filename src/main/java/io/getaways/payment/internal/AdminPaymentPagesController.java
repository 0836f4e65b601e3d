package io.getaways.payment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.getaways.payment.RefundDeclinedException;
import io.getaways.payment.RefundExceedsPaymentException;
import io.getaways.platform.web.BrowserPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's payment pages: payments with filters, one payment with its refunds, and a
 * refund of any amount up to what is left, through the gateway like every refund.
 */
@Controller
@BrowserPage
@Hidden
@RequestMapping("/admin/payments")
class AdminPaymentPagesController {

	static final int PAGE_SIZE = 25;

	private final PaymentAdministration administration;

	AdminPaymentPagesController(PaymentAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String search(@RequestParam(required = false) UUID booking, @RequestParam(required = false) String status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		String only = "CAPTURED".equals(status) || "FAILED".equals(status) ? status : null;
		model.addAttribute("booking", booking);
		model.addAttribute("status", only == null ? "" : only);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (from != null && to != null && from.isAfter(to)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("toError", "must not be before from");
			return "admin/payment/list";
		}
		PaymentQuery query = new PaymentQuery(booking, null, only, from == null ? null : start(from),
				to == null ? null : start(to.plusDays(1)), Math.max(0, page), PAGE_SIZE);
		model.addAttribute("payments", administration.search(query));
		return "admin/payment/list";
	}

	@GetMapping("/{id}")
	String payment(@PathVariable UUID id, Model model) {
		model.addAttribute("refund", new RefundForm());
		return page(id, model);
	}

	@PostMapping("/{id}/refunds")
	String refund(@PathVariable UUID id, @Valid @ModelAttribute("refund") RefundForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(id, model);
		}
		try {
			if (administration.refund(id, form.getAmount(), form.getReason().strip()).isEmpty()) {
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("problem", "Only a captured payment can be refunded.");
				return page(id, model);
			}
		}
		catch (RefundExceedsPaymentException ex) {
			errors.rejectValue("amount", "exceeds",
					"must be at most the " + ex.refundable().toPlainString() + " left to refund");
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(id, model);
		}
		catch (RefundDeclinedException ex) {
			response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
			model.addAttribute("problem", "The gateway declined the refund: " + ex.getMessage());
			return page(id, model);
		}
		redirect.addFlashAttribute("notice",
				"Refunded " + form.getAmount().toPlainString() + " through the payment gateway.");
		return "redirect:/admin/payments/" + id;
	}

	private String page(UUID id, Model model) {
		PaymentAdministration.Details details = administration.find(id)
			.orElseThrow(() -> new PaymentNotFoundException(id));
		model.addAttribute("details", details);
		model.addAttribute("refundable", details.payment().refundable());
		return "admin/payment/payment";
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
