"""Report rendering with Qt: the PDF of the report that ``parallax.core.report_html`` builds."""
