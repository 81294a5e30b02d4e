package com.myagents.http.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.myagents.http.correlation.CorrelationIdFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Every error a controller raises, as RFC 9457 {@code application/problem+json} with the request's
 * {@code correlation_id}. Callers learn what they got wrong (which field, which header); they never
 * learn anything about our internals (a 500 says nothing but the correlation id).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<Map<String, Object>> apiProblem(ApiProblem problem, HttpServletRequest request) {
        if (problem.status() >= 500) {
            log.warn("{} {} -> {}: {}", request.getMethod(), request.getRequestURI(), problem.status(), problem.detail());
        }
        return render(problem, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        JacksonException jackson = ProblemPointers.jacksonCause(e);
        String pointer = jackson == null ? "" : ProblemPointers.pointer(jackson.getPath());
        String message;
        if (jackson == null) {
            message = "the request body is missing or not readable";
        } else if (pointer.isEmpty()) {
            message = "the request body is not well-formed JSON";
        } else {
            message = "invalid value at " + pointer + ": " + ProblemPointers.firstLine(jackson.getOriginalMessage());
        }
        ApiProblem problem = new ApiProblem(400, "malformed-json", "Bad Request", message,
                Map.of("errors", List.of(new Violation(pointer, message))));
        return render(problem, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        return render(ApiProblem.badRequest(ProblemPointers.violations(e.getBindingResult())), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<Map<String, Object>> invalidParameters(HandlerMethodValidationException e,
                                                                HttpServletRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                violations.addAll(ProblemPointers.violations(errors));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error ->
                        violations.add(new Violation(name, error.getDefaultMessage())));
            }
        }
        return render(ApiProblem.badRequest(violations), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Map<String, Object>> constraintViolations(ConstraintViolationException e,
                                                                   HttpServletRequest request) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(ProblemPointers.pointer(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::pointer))
                .toList();
        return render(ApiProblem.badRequest(violations), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return render(ApiProblem.badRequest(List.of(
                new Violation(e.getHeaderName(), "header " + e.getHeaderName() + " is required"))), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e,
                                                               HttpServletRequest request) {
        return render(ApiProblem.badRequest(List.of(
                new Violation(e.getParameterName(), "parameter " + e.getParameterName() + " is required"))), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e,
                                                           HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return render(ApiProblem.badRequest(List.of(
                new Violation(e.getName(), e.getName() + " must be a valid " + expected))), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> unsupportedMediaType(HttpMediaTypeNotSupportedException e,
                                                                   HttpServletRequest request) {
        String supported = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return render(new ApiProblem(415, "unsupported-media-type", "Unsupported Media Type",
                "content type " + e.getContentType() + " is not supported"
                        + (supported.isEmpty() ? "" : "; use " + supported), Map.of()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e,
                                                            HttpServletRequest request) {
        return render(new ApiProblem(406, "not-acceptable", "Not Acceptable",
                "no acceptable representation; this API speaks JSON", Map.of()), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e,
                                                               HttpServletRequest request) {
        String allowed = e.getSupportedHttpMethods() == null ? ""
                : e.getSupportedHttpMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        ApiProblem problem = new ApiProblem(405, "method-not-allowed", "Method Not Allowed",
                "method " + e.getMethod() + " is not allowed here", Map.of(),
                allowed.isEmpty() ? Map.of() : Map.of("Allow", allowed));
        return render(problem, request);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    public ResponseEntity<Map<String, Object>> noHandler(Exception e, HttpServletRequest request) {
        return render(new ApiProblem(404, "not-found", "Not Found", "no such endpoint", Map.of()), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return render(ApiProblem.payloadTooLarge("the request body is too large"), request);
    }

    /** Anything else: framework errors that know their status keep it; the rest is a bare 500. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known && known.getStatusCode().value() < 500) {
            int status = known.getStatusCode().value();
            HttpStatus resolved = HttpStatus.resolve(status);
            String title = resolved == null ? "Error" : resolved.getReasonPhrase();
            String detail = known.getBody().getDetail();
            return render(new ApiProblem(status, "request-rejected", title, detail == null ? title : detail,
                    Map.of()), request);
        }
        String correlationId = CorrelationIdFilter.current(request);
        log.error("unexpected failure on {} {} (correlation_id {})", request.getMethod(), request.getRequestURI(),
                correlationId, e);
        return render(new ApiProblem(500, "internal-error", "Internal Server Error",
                "something went wrong on our side; quote the correlation_id when reporting it", Map.of()), request);
    }

    private static ResponseEntity<Map<String, Object>> render(ApiProblem problem, HttpServletRequest request) {
        return ProblemResponse.entity(problem, CorrelationIdFilter.current(request));
    }
}
