using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kansa.Api;

/// <summary>Turns a use case's <see cref="Outcome{T}"/> into an HTTP answer: the value, or ProblemDetails in Japanese.</summary>
public static class ApiResults
{
    /// <summary>200 with the mapped value, or the refusal as ProblemDetails.</summary>
    public static Results<Ok<TJson>, ProblemHttpResult> ToHttp<T, TJson>(this Outcome<T> outcome, Func<T, TJson> map) =>
        outcome.Succeeded ? TypedResults.Ok(map(outcome.Value)) : Problem(outcome.Kind, outcome.Problems);

    /// <summary>201 with the mapped value of what was created, or the refusal as ProblemDetails.</summary>
    public static Results<Created<TJson>, ProblemHttpResult> ToCreated<T, TJson>(this Outcome<T> outcome, Func<T, TJson> map) =>
        outcome.Succeeded ? TypedResults.Created((string?)null, map(outcome.Value)) : Problem(outcome.Kind, outcome.Problems);

    /// <summary>The ProblemDetails of a refusal; field problems go in "errors" keyed by field.</summary>
    public static ProblemHttpResult Problem(OutcomeKind kind, IReadOnlyList<Problem> problems)
    {
        var (status, title) = kind switch
        {
            OutcomeKind.NotFound => (StatusCodes.Status404NotFound, "見つかりません"),
            OutcomeKind.Forbidden => (StatusCodes.Status403Forbidden, "この操作はできません"),
            OutcomeKind.Conflict => (StatusCodes.Status409Conflict, "ほかの人が先に変更しました"),
            _ => (StatusCodes.Status400BadRequest, "入力に誤りがあります"),
        };
        var details = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = string.Join(" ", problems.Select(p => p.Message)),
        };
        if (problems.Any(p => p.Field.Length > 0))
        {
            details.Extensions["errors"] = problems.Where(p => p.Field.Length > 0)
                .GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        }

        return TypedResults.Problem(details);
    }
}
