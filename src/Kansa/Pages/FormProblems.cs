using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kansa.Pages;

/// <summary>Puts a use case's problems on a form: a field's problem beside its input, the others at the top.</summary>
public static class FormProblems
{
    /// <summary>Adds the problems; "title" becomes "Input.Title".</summary>
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<Problem> problems, string prefix = "Input")
    {
        foreach (var p in problems)
        {
            var key = p.Field.Length == 0 || p.Field == "version" ? "" : $"{prefix}.{char.ToUpperInvariant(p.Field[0])}{p.Field[1..]}";
            modelState.AddModelError(key, p.Message);
        }
    }
}
