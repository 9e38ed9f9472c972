using Kansa.Findings;
using Kansa.Responses;
using Kansa.Security;
using Kansa.Status;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kansa.Api;

/// <summary>
/// /api/v1/vocabulary: the status words editors may pick per category, beside every mapped word. Every staff member
/// reads it; coordinators and admins replace the choice with PUT (the same body as the answer's finding/opinion lists).
/// </summary>
public static class VocabularyApi
{
    /// <summary>Maps the endpoints.</summary>
    public static WebApplication MapVocabularyApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/vocabulary").RequireAuthorization(AccountServices.Staff);
        group.MapGet("/", async Task<Ok<VocabularyJson>> (LoadWordChoices load, CancellationToken ct) =>
            TypedResults.Ok(ToJson(await load.RunAsync(ct))));
        group.MapPut("/", async Task<Results<Ok<VocabularyJson>, ProblemHttpResult, UnauthorizedHttpResult>> (VocabularyRequest body, CurrentStaff current, ChooseWords choose, CancellationToken ct) =>
        {
            if (await current.GetAsync(ct) is not { } user)
            {
                return TypedResults.Unauthorized();
            }

            var words = new Dictionary<FindingCategory, IReadOnlyList<string?>>
            {
                [FindingCategory.Finding] = body.Finding ?? [],
                [FindingCategory.Opinion] = body.Opinion ?? [],
            };
            var outcome = await choose.RunAsync(user, words, ct);
            return outcome.Succeeded ? TypedResults.Ok(ToJson(outcome.Value)) : (ProblemHttpResult)ApiResults.Problem(outcome.Kind, outcome.Problems);
        }).RequireAuthorization(AccountServices.Coordinators);
        return app;
    }

    private static VocabularyJson ToJson(WordChoices choices) => new(
        [.. choices.For(FindingCategory.Finding).Chosen],
        [.. choices.For(FindingCategory.Opinion).Chosen],
        [.. choices.Categories.Select(c => new VocabularyCategoryJson(
            ChooseWords.Field(c.Category), c.Category.Label(), c.IsDefault,
            [.. c.Options.Select(o => new VocabularyWordJson(o.Word, o.State.Code(), o.Chosen))]))]);
}

/// <summary>The words editors may pick for 指摘 (finding) and 意見 (opinion).</summary>
/// <param name="Finding">Words for 指摘.</param>
/// <param name="Opinion">Words for 意見.</param>
public sealed record VocabularyRequest(IReadOnlyList<string?>? Finding, IReadOnlyList<string?>? Opinion);

/// <summary>The choice and every mapped word.</summary>
/// <param name="Finding">Words editors may pick for 指摘, done first.</param>
/// <param name="Opinion">Words editors may pick for 意見, done first.</param>
/// <param name="Categories">Each category with every mapped word.</param>
public sealed record VocabularyJson(IReadOnlyList<string> Finding, IReadOnlyList<string> Opinion, IReadOnlyList<VocabularyCategoryJson> Categories);

/// <summary>One category.</summary>
/// <param name="Field">finding or opinion.</param>
/// <param name="Category">指摘 or 意見.</param>
/// <param name="IsDefault">Whether nothing was chosen, so the standard words are offered.</param>
/// <param name="Words">Every mapped word.</param>
public sealed record VocabularyCategoryJson(string Field, string Category, bool IsDefault, IReadOnlyList<VocabularyWordJson> Words);

/// <summary>A mapped word.</summary>
/// <param name="Word">The word.</param>
/// <param name="State">open, in_progress, done or will_not_implement.</param>
/// <param name="Chosen">Whether editors may pick it.</param>
public sealed record VocabularyWordJson(string Word, string State, bool Chosen);
