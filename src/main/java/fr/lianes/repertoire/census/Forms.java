package fr.lianes.repertoire.census;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;

/** Binding results for answers checked outside a request, or tidied after binding. */
final class Forms {

	private Forms() {
	}

	/**
	 * Whether what was sent holds control characters or markup: such a step is shown back
	 * with its messages but not saved, so that the draft never holds it.
	 */
	static boolean hasUnsafeText(Errors errors) {
		return errors.getFieldErrors().stream().anyMatch((error) -> "PlainText".equals(error.getCode()));
	}

	/**
	 * Checks the bounds of tidied answers, with errors at the paths the page shows them.
	 */
	static BindingResult validated(jakarta.validation.Validator validator, Object target, String name) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(target, name);
		new org.springframework.validation.beanvalidation.SpringValidatorAdapter(validator).validate(target, result);
		return result;
	}

	/**
	 * Shows a tidied version of what was sent (commune found, website completed) with the
	 * errors found on what was sent: the model drops a binding result whose object is
	 * replaced, so a new one carries them over. The attributes come in the order to add
	 * them: the object, then its binding result.
	 */
	static Map<String, Object> rebound(String name, Object target, BindingResult errors) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(target, name);
		result.addAllErrors(errors);
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(name, target);
		attributes.put(BindingResult.MODEL_KEY_PREFIX + name, result);
		return attributes;
	}

}
