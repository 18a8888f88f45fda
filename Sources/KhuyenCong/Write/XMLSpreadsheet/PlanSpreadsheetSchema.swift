/// The XSD of the SpreadsheetML subset `PlanXMLSpreadsheetWriter` writes: the text of
/// `schemas/plan-spreadsheet.xsd`, embedded so the copied binary checks its output with no
/// file beside it. A test keeps the two identical.
public enum PlanSpreadsheetSchema {
  /// The schema text.
  public static let xsd = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <!--
      The subset of XML Spreadsheet 2003 (SpreadsheetML) that khuyencong writes: plan-N.xml and
      the blank district form (`khuyencong template ... .xml`). Checked before a file is written
      (issue 4). Microsoft published no XSD for SpreadsheetML 2003; this one follows what Excel
      writes and what Excel and LibreOffice read.

      Elements and ss: attributes are in urn:schemas-microsoft-com:office:spreadsheet. Where Excel
      puts its other namespaces (WorksheetOptions in x:, DocumentProperties in o:, x:Family on
      Font) the schema is lax: xs:any / xs:anyAttribute namespace="##other" processContents="lax".
      Styles: the sixteen styles the writer declares (ss:StyleName), each declared once (a key on
      ss:ID, and exactly sixteen Style elements), so every ss:StyleID, being one of them, names a
      declared Style. Sheet names are unique. (An xs:keyref from every Cell to the Styles said the
      same, but libxml2 keeps an entry per cell for a keyref until the workbook ends: 580 MB for a
      plan of 140 000 lines, issue 7.)
    -->
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
               xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
               targetNamespace="urn:schemas-microsoft-com:office:spreadsheet"
               elementFormDefault="qualified" attributeFormDefault="qualified">

      <xs:element name="Workbook">
        <xs:complexType>
          <xs:sequence>
            <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element ref="ss:Styles"/>
            <xs:element ref="ss:Worksheet" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
        <xs:key name="styleID">
          <xs:selector xpath="ss:Styles/ss:Style"/>
          <xs:field xpath="@ss:ID"/>
        </xs:key>
        <xs:unique name="sheetName">
          <xs:selector xpath="ss:Worksheet"/>
          <xs:field xpath="@ss:Name"/>
        </xs:unique>
      </xs:element>

      <xs:element name="Styles">
        <xs:complexType>
          <xs:sequence>
            <xs:element ref="ss:Style" minOccurs="16" maxOccurs="16"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>

      <xs:element name="Style">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="Alignment" minOccurs="0">
              <xs:complexType>
                <xs:attribute name="Horizontal" type="ss:HorizontalAlignment"/>
                <xs:attribute name="Vertical" type="ss:VerticalAlignment"/>
                <xs:attribute name="WrapText" type="ss:Flag"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="Borders" minOccurs="0">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="Border" minOccurs="0" maxOccurs="4">
                    <xs:complexType>
                      <xs:attribute name="Position" use="required">
                        <xs:simpleType>
                          <xs:restriction base="xs:string">
                            <xs:enumeration value="Left"/><xs:enumeration value="Top"/>
                            <xs:enumeration value="Right"/><xs:enumeration value="Bottom"/>
                          </xs:restriction>
                        </xs:simpleType>
                      </xs:attribute>
                      <xs:attribute name="LineStyle" type="xs:string"/>
                      <xs:attribute name="Weight" type="xs:nonNegativeInteger"/>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
              </xs:complexType>
            </xs:element>
            <xs:element name="Font" minOccurs="0">
              <xs:complexType>
                <xs:attribute name="FontName" type="xs:string"/>
                <xs:attribute name="Size" type="xs:decimal"/>
                <xs:attribute name="Bold" type="ss:Flag"/>
                <xs:attribute name="Italic" type="ss:Flag"/>
                <xs:attribute name="Color" type="ss:Color"/>
                <xs:anyAttribute namespace="##other" processContents="lax"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="Interior" minOccurs="0">
              <xs:complexType>
                <xs:attribute name="Color" type="ss:Color"/>
                <xs:attribute name="Pattern" type="xs:string"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="NumberFormat" minOccurs="0">
              <xs:complexType>
                <xs:attribute name="Format" type="xs:string" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attribute name="ID" type="ss:StyleName" use="required"/>
          <xs:attribute name="Name" type="xs:string"/>
        </xs:complexType>
      </xs:element>

      <xs:element name="Worksheet">
        <xs:complexType>
          <xs:sequence>
            <xs:element ref="ss:Table"/>
            <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:attribute name="Name" type="ss:SheetName" use="required"/>
        </xs:complexType>
      </xs:element>

      <xs:element name="Table">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="Column" minOccurs="0" maxOccurs="16384">
              <xs:complexType>
                <xs:attribute name="Index" type="ss:ColumnNumber"/>
                <xs:attribute name="AutoFitWidth" type="ss:Flag"/>
                <xs:attribute name="Width" type="xs:decimal" use="required"/>
              </xs:complexType>
            </xs:element>
            <xs:element ref="ss:Row" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>

      <xs:element name="Row">
        <xs:complexType>
          <xs:sequence>
            <xs:element ref="ss:Cell" minOccurs="0" maxOccurs="16384"/>
          </xs:sequence>
          <xs:attribute name="Index" type="ss:RowNumber"/>
          <xs:attribute name="AutoFitHeight" type="ss:Flag"/>
          <xs:attribute name="Height" type="xs:decimal"/>
        </xs:complexType>
      </xs:element>

      <xs:element name="Cell">
        <xs:complexType>
          <xs:sequence>
            <xs:element ref="ss:Data" minOccurs="0"/>
          </xs:sequence>
          <xs:attribute name="Index" type="ss:ColumnNumber"/>
          <xs:attribute name="MergeAcross" type="xs:nonNegativeInteger"/>
          <xs:attribute name="MergeDown" type="xs:nonNegativeInteger"/>
          <xs:attribute name="StyleID" type="ss:StyleName"/>
          <!-- The blank form's subtotals and total: an R1C1 formula, computed on opening. -->
          <xs:attribute name="Formula" type="xs:string"/>
        </xs:complexType>
      </xs:element>

      <!-- Text, or a decimal literal: Number cells carry exact money, never an exponent. -->
      <xs:element name="Data">
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="ss:CellText">
              <xs:attribute name="Type" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="String"/>
                    <xs:enumeration value="Number"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>

      <!-- The styles the writer declares (SpreadsheetMLStyle), in its order. -->
      <xs:simpleType name="StyleName">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Default"/>
          <xs:enumeration value="title"/>
          <xs:enumeration value="subtitle"/>
          <xs:enumeration value="centerBold"/>
          <xs:enumeration value="center"/>
          <xs:enumeration value="note"/>
          <xs:enumeration value="plain"/>
          <xs:enumeration value="textBoldPlain"/>
          <xs:enumeration value="text"/>
          <xs:enumeration value="textBold"/>
          <xs:enumeration value="code"/>
          <xs:enumeration value="number"/>
          <xs:enumeration value="numberBold"/>
          <xs:enumeration value="percent"/>
          <xs:enumeration value="header"/>
          <xs:enumeration value="textPriority"/>
        </xs:restriction>
      </xs:simpleType>

      <!-- Excel holds at most 32 767 characters in a cell. -->
      <xs:simpleType name="CellText">
        <xs:restriction base="xs:string">
          <xs:maxLength value="32767"/>
        </xs:restriction>
      </xs:simpleType>

      <!-- At most 31 characters, none of : \ / ? * [ ] (Excel's rule for sheet names). -->
      <xs:simpleType name="SheetName">
        <xs:restriction base="xs:string">
          <xs:minLength value="1"/>
          <xs:maxLength value="31"/>
          <xs:pattern value="[^:\\/?*\[\]]+"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:simpleType name="Flag">
        <xs:restriction base="xs:string">
          <xs:enumeration value="0"/>
          <xs:enumeration value="1"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:simpleType name="Color">
        <xs:restriction base="xs:string">
          <xs:pattern value="#[0-9A-Fa-f]{6}|Automatic"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:simpleType name="ColumnNumber">
        <xs:restriction base="xs:positiveInteger">
          <xs:maxInclusive value="16384"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:simpleType name="RowNumber">
        <xs:restriction base="xs:positiveInteger">
          <xs:maxInclusive value="1048576"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:simpleType name="HorizontalAlignment">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Automatic"/><xs:enumeration value="Left"/>
          <xs:enumeration value="Center"/><xs:enumeration value="Right"/>
          <xs:enumeration value="Justify"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:simpleType name="VerticalAlignment">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Automatic"/><xs:enumeration value="Top"/>
          <xs:enumeration value="Center"/><xs:enumeration value="Bottom"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:schema>
    """#
}
