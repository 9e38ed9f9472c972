using System.Diagnostics.CodeAnalysis;

namespace Kansa;

/// <summary>Why a use case refused: the caller maps it to 400/403/404/409, a form error or an exit code.</summary>
public enum OutcomeKind
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>The input breaks a rule (bad field, wrong workflow stage).</summary>
    Invalid,

    /// <summary>The thing does not exist (or the person may not know it exists).</summary>
    NotFound,

    /// <summary>The person may not do this.</summary>
    Forbidden,

    /// <summary>Someone else changed it first (optimistic concurrency).</summary>
    Conflict,
}

/// <summary>A business-rule problem: which field (form field or JSON property, "" for the whole request) and what, in Japanese.</summary>
/// <param name="Field">The field concerned.</param>
/// <param name="Message">What is wrong.</param>
public sealed record Problem(string Field, string Message);

/// <summary>The result of a use case: a value, or why not. Exceptions stay for bugs and outages.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether it succeeded; then <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Kind == OutcomeKind.Ok;

    /// <summary>Success.</summary>
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, []);

    /// <summary>Invalid input.</summary>
    public static Outcome<T> Invalid(string field, string message) => new(OutcomeKind.Invalid, default, [new Problem(field, message)]);

    /// <summary>Invalid input, several problems.</summary>
    public static Outcome<T> Invalid(IReadOnlyList<Problem> problems) => new(OutcomeKind.Invalid, default, problems);

    /// <summary>Not found.</summary>
    public static Outcome<T> NotFound(string message) => new(OutcomeKind.NotFound, default, [new Problem("", message)]);

    /// <summary>Not allowed.</summary>
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, [new Problem("", message)]);

    /// <summary>Changed by someone else first.</summary>
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, [new Problem("", message)]);

    /// <summary>The same refusal for another value type.</summary>
    public Outcome<TOther> As<TOther>() => new(Kind, default, Problems);
}
