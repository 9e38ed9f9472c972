using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kansa.Pages;

/// <summary>
/// Messages beside their field: a field with a problem points at its message (<c>aria-describedby</c>), so that a
/// screen reader reads the message with the field, not only in the summary at the top of the page.
/// </summary>
public static class FieldMessages
{
    /// <summary>The id of a field's message element: Input.Content → Input_Content-error.</summary>
    public static string ErrorId(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-error";

    /// <summary>The messages for a form key; none when the key is null (a form on the page that was not posted).</summary>
    public static IReadOnlyList<string> For(ModelStateDictionary state, string? key) =>
        key is not null && state.TryGetValue(key, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>The message id when the key has messages, else null (Razor then leaves the attribute out).</summary>
    public static string? DescribedBy(ModelStateDictionary state, string? key, string id) => For(state, key).Count > 0 ? id : null;
}

/// <summary>An <c>asp-for</c> field with a problem is marked invalid and described by its message.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class DescribedByTagHelper : TagHelper
{
    /// <summary>The bound property.</summary>
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>The view (for its model state).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (FieldMessages.For(ViewContext.ModelState, name).Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", FieldMessages.ErrorId(name));
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}

/// <summary>Gives an <c>asp-validation-for</c> message the id its field points at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class MessageIdTagHelper : TagHelper
{
    /// <summary>The bound property.</summary>
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>The view.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", FieldMessages.ErrorId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
}

/// <summary><c>&lt;label required-mark&gt;</c>: 必須 as visible text beside the label, not only an asterisk or a colour.</summary>
[HtmlTargetElement("label", Attributes = "required-mark")]
public sealed class RequiredMarkTagHelper : TagHelper
{
    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("required-mark");
        output.PostContent.AppendHtml(" <span class=\"required\">必須</span>");
    }
}

/// <summary>
/// Leaves out a validation summary with nothing to say. ASP.NET writes an empty one with an inline style that hides its
/// empty item; the CSP refuses that style (and logs it), so the item showed as a stray red bullet. The stylesheet also
/// hides <c>.validation-summary-valid</c>, for any summary written another way.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class EmptySummaryTagHelper : TagHelper
{
    /// <summary>Which errors the summary lists.</summary>
    [HtmlAttributeName("asp-validation-summary")]
    public ValidationSummary Summary { get; set; }

    /// <summary>The view.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override int Order => 10; // after the framework's summary helper

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        var empty = Summary switch
        {
            ValidationSummary.All => state.ErrorCount == 0,
            ValidationSummary.ModelOnly => FieldMessages.For(state, "").Count == 0,
            _ => false,
        };
        if (empty)
        {
            output.SuppressOutput();
        }
    }
}
