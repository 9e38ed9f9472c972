using System.IO.Compression;
using System.Xml;
using CsCheck;
using Kansa.Tests.Xlsx;

namespace Kansa.Tests.Import.Fuzz;

/// <summary>
/// One change to a report workbook, as four numbers so that CsCheck can shrink a failing case. <see cref="Apply"/>
/// interprets them: cell values from the text fuzzer's fragment list (<see cref="Mutation.Tokens"/>), dropped,
/// duplicated and swapped rows, added, removed and renamed sheets, number cells holding text, shared or inline
/// strings; then changes to the XML inside the zip, then truncated, bit-flipped or grown zip bytes.
/// </summary>
/// <param name="Op">Which change.</param>
/// <param name="A">Picks the sheet, row, entry or byte.</param>
/// <param name="B">Picks the row, column or bit.</param>
/// <param name="C">Picks the token, position or value.</param>
public sealed record XlsxMutation(int Op, int A, int B, int C)
{
    /// <summary>The number of kinds of change.</summary>
    public const int Ops = 14;

    /// <summary>Generates one change.</summary>
    public static Gen<XlsxMutation> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, Ops - 1], CsCheck.Gen.Int[0, 1 << 20], CsCheck.Gen.Int[0, 1 << 10], CsCheck.Gen.Int[0, 1 << 16], (op, a, b, c) => new XlsxMutation(op, a, b, c));

    /// <summary>Applies the changes to a valid workbook and returns the bytes of the file a user would give.</summary>
    public static byte[] Apply(byte[] workbook, IReadOnlyList<XlsxMutation> mutations)
    {
        var model = WorkbookModel.Read(workbook);
        var sharedStrings = false;
        var later = new List<XlsxMutation>();
        foreach (var m in mutations)
        {
            switch (m.Op)
            {
                case 0: SetCell(model, m, (_, token, _) => new ModelCell(token)); break;
                case 1: SetCell(model, m, (cell, token, at) => new ModelCell((cell?.Text ?? "").Insert(Math.Min(at, cell?.Text.Length ?? 0), token))); break;
                case 2: WithRows(model, m, rows => rows.RemoveAt(m.B % rows.Count)); break;
                case 3: WithRows(model, m, rows => rows.Insert(m.C % (rows.Count + 1), rows[m.B % rows.Count])); break;
                case 4: WithRows(model, m, rows => (rows[m.B % rows.Count], rows[m.C % rows.Count]) = (rows[m.C % rows.Count], rows[m.B % rows.Count])); break;
                case 5: SetCell(model, m, (_, token, _) => new ModelCell(XmlSafe(token), IsNumber: true)); break;
                case 6: AddSheet(model, m); break;
                case 7: if (model.Sheets.Count > 0) { model.Sheets.RemoveAt(m.A % model.Sheets.Count); } break;
                case 8: Rename(model, m); break;
                case 9: sharedStrings = m.C % 2 == 0; break;
                default: later.Add(m); break;
            }
        }

        var bytes = model.Write(sharedStrings);
        // Changes inside the zip come first: the test reads the zip to make them.
        foreach (var m in later.OrderBy(m => m.Op == 10 ? 0 : 1))
        {
            bytes = m.Op == 10 ? ChangeXml(bytes, m) : ChangeBytes(bytes, m);
        }

        return bytes;
    }

    private static string Token(int c) => Mutation.Tokens[c % Mutation.Tokens.Length];

    private static void SetCell(WorkbookModel model, XlsxMutation m, Func<ModelCell?, string, int, ModelCell> change)
    {
        if (model.Sheets.Count == 0)
        {
            return;
        }

        var sheet = m.A % model.Sheets.Count;
        var rows = Math.Max(1, model.Sheets[sheet].Rows.Count);
        var reference = $"{Kansa.Import.ImportProblem.ColumnName(m.B % 9)}{((m.A >> 4) % (rows + 1)) + 1}";
        model.Set(sheet, reference, change(model.Cell(sheet, reference), Token(m.C), m.C >> 8));
    }

    private static void WithRows(WorkbookModel model, XlsxMutation m, Action<List<List<ModelCell?>?>> change)
    {
        if (model.Sheets.Count > 0 && model.Sheets[m.A % model.Sheets.Count].Rows is { Count: > 0 } rows)
        {
            change(rows);
        }
    }

    private static void AddSheet(WorkbookModel model, XlsxMutation m)
    {
        List<List<ModelCell?>?> rows = (m.B % 3) switch
        {
            0 => [],
            1 => [[new ModelCell(Token(m.C))], null, [new ModelCell(Token(m.C >> 4)), new ModelCell("1", IsNumber: true)]],
            _ => model.Sheets.Count > 0 ? [.. model.Sheets[m.A % model.Sheets.Count].Rows] : [],
        };
        model.Sheets.Insert(m.A % (model.Sheets.Count + 1), new ModelSheet($"Sheet{model.Sheets.Count + 1}", rows));
    }

    // A sheet name the writer can put in XML; what Excel would refuse ([]:*?/\, 31 characters) stays.
    private static void Rename(WorkbookModel model, XlsxMutation m)
    {
        if (model.Sheets.Count > 0)
        {
            var i = m.A % model.Sheets.Count;
            model.Sheets[i] = model.Sheets[i] with { Name = XmlSafe(Token(m.C)) is { Length: > 0 } name ? name : "_" };
        }
    }

    private static string XmlSafe(string s) => new([.. s.Where(XmlConvert.IsXmlChar)]);

    /// <summary>Changes the bytes of one part's XML inside the zip: its parser, not the zip's checksum, meets the damage.</summary>
    private static byte[] ChangeXml(byte[] bytes, XlsxMutation m)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var pick = m.A % source.Entries.Count;
            for (var i = 0; i < source.Entries.Count; i++)
            {
                using var from = source.Entries[i].Open();
                using var buffer = new MemoryStream();
                from.CopyTo(buffer);
                var data = buffer.ToArray();
                if (i == pick && data.Length > 0)
                {
                    var at = (m.B * 31 + m.C) % data.Length;
                    data = (m.C % 3) switch
                    {
                        0 => data[..at],
                        1 => [.. data[..at], (byte)"<>&\"'/\0x"[m.B % 8], .. data[at..]],
                        _ => [.. data[..at], .. data[Math.Min(data.Length, at + 1 + (m.B % 40))..]],
                    };
                }

                using var to = target.CreateEntry(source.Entries[i].FullName).Open();
                to.Write(data);
            }
        }

        return output.ToArray();
    }

    private static byte[] ChangeBytes(byte[] bytes, XlsxMutation m)
    {
        if (bytes.Length == 0)
        {
            return [(byte)m.C];
        }

        var at = m.A % bytes.Length;
        switch (m.Op)
        {
            case 11:
                var flipped = bytes.ToArray();
                flipped[at] ^= (byte)(1 << (m.B % 8));
                return flipped;
            case 12:
                return bytes[..at];
            default:
                return [.. bytes[..at], (byte)m.C, .. bytes[at..]];
        }
    }
}
