using Kansa.Calendar;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kansa.Storage;

/// <summary>Stores a <see cref="YearMonth"/> as its sortable yyyymm integer.</summary>
public sealed class YearMonthConverter() : ValueConverter<YearMonth, int>(v => v.Number, v => YearMonth.FromNumber(v));
